# LytSlot Pro — English. Keys are `<feature>-<message>`; every key exists in ru.ftl too.
# Messages are sent with parse_mode HTML: write &amp; &lt; &gt; for literal characters.

## /start and the role menu
start-welcome =
    👋 Hi, { $name }! This is <b>LytSlot</b>, a marketplace for ads in Telegram channels.

    Channel owners sell ad slots, advertisers book and pay for them, and the bot publishes each ad on time and checks that it stays up.

    Who are you here?
start-channel-link =
    🔗 You opened a channel's booking link. Booking through links opens soon; for now, here is what LytSlot does.
start-role-owner = 📢 I own channels
start-role-advertiser = 🎯 I advertise
start-role-help = ❓ Help
start-back = ‹ Back
start-owner-text =
    📢 <b>For channel owners</b>

    • Add your channel: make the bot an admin that may post, and it checks your rights.
    • Set your schedule, ad formats (for example 1/24: one hour on top, a day in the feed) and prices.
    • Approve orders, and the bot publishes each ad at the booked time by itself.
    • You are paid after the ad has stayed up as promised; earnings and charts are in the bot.

    Adding channels opens soon. We will announce it here.
start-advertiser-text =
    🎯 <b>For advertisers</b>

    • Find channels in the catalog by topic, language, audience and price.
    • Book free slots, send your post exactly as it should look, and pay by Telegram Stars or card.
    • The bot publishes the ad, checks it stays up, and refunds you if the channel breaks the terms.
    • Follow every order and get a report with clicks and new subscribers.

    The channel catalog opens soon. We will announce it here.

## /help and the support conversation
help-text =
    ❓ <b>LytSlot help</b>

    LytSlot is a marketplace for ads in Telegram channels: owners sell slots, advertisers book and pay, the bot publishes and verifies each placement.

    <b>Commands</b>
    /start — main menu
    /help — this help
    /language — change the language
    /cancel — cancel the current action

    Questions? Press «Ask support» and write one message.
help-ask-support = ✉️ Ask support
help-back = ‹ Back
support-ask =
    ✉️ Write your question in one message (text only, up to { $max } characters).

    Send /cancel to stop.
support-text-only = Please send your question as text. Stickers, photos and files can't be sent to support. /cancel stops.
support-too-long = That message has { $length } characters; the limit is { $max }. Please shorten it and send it again.
support-sent = ✅ Your message has been sent to support. We will answer you here.
support-failed = We could not pass your message to support right now. Please try again later.
support-not-configured = Support is not configured on this bot yet. Please try again later.
support-already-open = We are already waiting for your message to support. Write it below, or send /cancel.
support-admin-message =
    📨 <b>Support request</b>
    From: { $name } { $username } (id <code>{ $id }</code>, language { $language })

    { $text }

## /cancel
cancel-done = Cancelled. Use /start to open the menu.
cancel-nothing = There was nothing to cancel.

## /language
language-prompt = 🌐 Choose your language:
language-changed = ✅ Language: English.
language-button-ru = 🇷🇺 Русский
language-button-en = 🇬🇧 English

## Everything else
fallback-hint = I didn't understand that. Use the menu or /help.
ratelimit-notice = ⏳ Too many messages. Please wait a minute and try again.
error-generic = ⚠️ Something went wrong on our side. Please try again in a moment.
menu-outdated = This menu has changed; here is the current one.
account-blocked = Your account is blocked on LytSlot. If you believe this is a mistake, contact support.

## Command descriptions (setMyCommands)
commands-start = Main menu
commands-help = Help and support
commands-language = Change the language
commands-cancel = Cancel the current action
