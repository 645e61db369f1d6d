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

    Start with «Add a channel» below.
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

## Selling settings (sell:*)
selling-summary =
    ⚙️ <b>Selling settings — { $title }</b>

    🌍 Time zone: { $timezone }
    🗓 Schedule: { $schedule }
    💰 Prices ({ $currency }): { $prices }
    📌 Pinned: { $pinned }
    ⏱ Minimum lead time: { $lead }
    📆 Booking horizon: { $horizon } days
    🚫 Blackout dates: { $blackout }
    📊 Max ads per day: { $maxday }
    🗂 Category: { $category } · language: { $language }
    📝 Description: { $description }
    ✅ Review: { $review }
    🔒 Whitelist only: { $whitelist }
    🎁 Bundle discount: { $bundle }
    🏷 Requires RU ad marking: { $marking }
selling-day-1 = Mon
selling-day-2 = Tue
selling-day-3 = Wed
selling-day-4 = Thu
selling-day-5 = Fri
selling-day-6 = Sat
selling-day-7 = Sun
selling-schedule-none = not set
selling-schedule-times = { $days } at { $times }
selling-schedule-windows = { $days }, { $windows } every { $step } min
selling-unit-hours = h
selling-unit-minutes = min
selling-prices-none = no formats offered yet
selling-on = on
selling-off = off
selling-none = none
selling-no-limit = no limit
selling-pinned-value = { $hours } h for { $price }
selling-review-auto = auto-accept
selling-review-manual = manual, within { $hours } h
selling-bundle-value = from { $slots } slots −{ $percent } %
selling-lang-ru = Russian
selling-lang-en = English
selling-lang-uk = Ukrainian
selling-lang-kk = Kazakh
selling-lang-uz = Uzbek
selling-back = ‹ Back
selling-back-card = ‹ Back to the channel
selling-button-timezone = 🌍 Time zone
selling-button-schedule = 🗓 Schedule
selling-button-formats = 💰 Formats and prices
selling-button-lead = ⏱ Lead time
selling-button-horizon = 📆 Horizon
selling-button-blackout = 🚫 Blackout dates
selling-button-maxday = 📊 Max per day
selling-button-catalog = 🗂 Catalog card
selling-button-review = ✅ Review
selling-button-bundle = 🎁 Bundle discount
selling-button-whitelist = 🔒 Whitelist only: { $state }
selling-button-marking = 🏷 RU ad marking: { $state }
selling-timezone-other = ✍️ Another time zone…
selling-timezone-text =
    🌍 <b>Time zone of { $title }</b>
    Now: { $timezone }. Slots are shown and generated in this time zone (daylight saving included).
selling-schedule-mode-times = 🕘 Fixed times
selling-schedule-mode-windows = 🪟 Windows with a step
selling-schedule-clear = 🗑 Clear the schedule
selling-schedule-text =
    🗓 <b>Schedule of { $title }</b>
    Now: { $schedule } ({ $timezone }).

    Fixed times: you list the posting times. Windows: e.g. 10:00–22:00 with a slot every 15, 30 or 60 minutes.
selling-next = Next ›
selling-days-text = Which days? Tap to switch a day on or off, then «Next».
    Chosen: { $days }
selling-step-button = every { $step } min
selling-step-text = How often within a window may an ad start?
selling-format-off = { $format } · off
selling-format-on = { $format } · { $price }
selling-disable = ✖ Off
selling-format-pinned = 📌 Pinned: { $value }
selling-currency-switch = 💱 Switch prices to { $currency }
selling-formats-text =
    💰 <b>Formats and prices of { $title }</b>
    Currency: { $currency }. Offered: { $prices }

    Tap a format to set its price; «✖ Off» stops offering it. 1/24 means 1 hour on top and 24 hours in the feed; 1/0 stays forever.
selling-description-button = ✏️ Description
selling-catalog-text =
    🗂 <b>Catalog card</b>
    Category: { $category }
    Language: { $language }
    Description: { $description }

    Choose a category and the channel's language below.
selling-review-auto-button = ⚡ Accept orders automatically
selling-review-hours-button = manual, { $hours } h
selling-review-text =
    ✅ <b>Order review</b>
    Now: { $review }. With manual review, an order not answered in time is rejected and refunded.
selling-ask-timezone = Send the time zone name as in the IANA list, for example <code>Europe/Moscow</code> or <code>Asia/Tbilisi</code>. Now: { $current }.
selling-ask-lead = How long before the slot must an order come in? For example <code>2h</code>, <code>90m</code> or <code>30</code> (minutes). Now: { $current }.
selling-ask-horizon = How many days ahead can advertisers book (1–90)? Now: { $current }.
selling-ask-blackout = Send a date with no ads (<code>2026-12-31</code> or <code>31.12</code>). Sending a date that is already on the list removes it. Now: { $current }.
selling-ask-maxday = At most how many ads a day (1–96)? <code>0</code> means no limit. Now: { $current }.
selling-ask-description = Send the catalog description (up to { $max } characters; <code>-</code> clears it). Now: { $current }
selling-ask-bundle = Send the bundle discount as two numbers: from how many slots and how many percent, e.g. <code>3 10</code> (3+ slots −10 %). <code>0</code> switches it off. Now: { $current }.
selling-ask-pinned = Send the pinned hours and the price in { $currency }, e.g. <code>24 1500</code>. Now: { $current }.
selling-ask-price = Send the price of { $format } in { $currency }, e.g. <code>1500</code> or <code>1500.50</code>. Now: { $current }.
selling-ask-times = Send the posting times, e.g. <code>9:00, 13:30, 18:00</code>. Now: { $current }.
selling-ask-windows = Send the windows, e.g. <code>10:00-14:00, 16:00-22:00</code> (a slot every { $step } min). Now: { $current }.
selling-cancel-hint = /cancel — leave; the current value stays.
selling-text-only = Please send the value as text.
selling-try-again = Nothing was saved; send another value or /cancel.
selling-saved = ✅ Saved.
selling-saved-short = ✅ Saved
selling-not-found = Channel not found or you have no access to it.
selling-choose-day = Choose at least one day.
selling-error-empty = The message is empty.
selling-error-bad-time = «{ $token }» is not a time of day. Use HH:MM from 00:00 to 23:59.
selling-error-too-many = Too many values: at most { $max }.
selling-error-bad-window = «{ $token }» is not a window. Use HH:MM-HH:MM with the start before the end, not overlapping another window.
selling-error-bad-step = «{ $token }» is not a step: choose 15, 30 or 60 minutes.
selling-error-bad-number = «{ $token }» is not a number I understand.
selling-error-out-of-range = The value must be from { $min } to { $max }.
selling-error-not-positive = The price must be more than zero.
selling-error-too-many-decimals = At most two digits after the decimal point.
selling-error-too-large = That is too much: at most { $max }.
selling-error-bad-timezone = «{ $token }» is not a known time zone. Use a name like Europe/Moscow.
selling-error-bad-date = «{ $token }» is not a date. Use 2026-12-31, 31.12.2026 or 31.12.
selling-error-past-date = { $token } is in the past.
selling-error-too-long = The text has { $length } characters; the limit is { $max }.
selling-error-invalid = These settings do not fit together, so nothing was saved.

## Catalog categories (category-<id>)
category-news = 📰 News
category-tech = 💻 Tech
category-business = 💼 Business
category-finance = 💰 Finance
category-crypto = 🪙 Crypto
category-education = 🎓 Education
category-entertainment = 🎬 Entertainment
category-lifestyle = 🌿 Lifestyle
category-travel = ✈️ Travel
category-food = 🍲 Food
category-sports = ⚽ Sports
category-games = 🎮 Games
category-music = 🎵 Music
category-health = 🩺 Health
category-other = 🔖 Other

## Co-managers (mem:*)
members-title = 👥 <b>Your workspace</b>
members-line-owner = 👑 { $name } — owner
members-line-manager = 🧑‍💼 { $name } — manager
members-none-yet = No managers yet. Create an invite link and send it to the person who will help you.
members-rights-hint = Managers can do everything except removing channels, managing members and payouts.
members-invite-button = ➕ Create an invite link
members-revoke-button = ✖ Revoke { $name }
members-back = ‹ Back
members-invite-created =
    🔗 One-time invite link (valid for 7 days):
    { $link }

    Send it to your manager; the first person to open it joins your workspace.
members-revoke-confirm = Revoke the access of { $name }? They will lose access to your channels at once.
members-revoke-yes = Yes, revoke
members-revoke-no = No
members-revoked = Access of { $name } revoked
members-revoked-notice = { $name } has revoked your manager access to their channels.
members-not-member = This person is not a manager of your workspace.
members-forbidden = Only the owner can manage members.
members-joined = ✅ You are now a manager of this workspace: you can set up its channels, prices and schedules.
members-open-channels = 📢 Channels
members-new-manager-notice = 👥 { $name } joined your workspace as a manager.
members-invite-unknown = This invite link is not valid. Ask the owner for a new one.
members-invite-used = This invite link has already been used. Ask the owner for a new one.
members-invite-expired = This invite link has expired. Ask the owner for a new one.
members-invite-own = This is an invite to your own workspace.
members-invite-already = You are already a manager of this workspace.

# Calendar (engineer A)
calendar-week-title = 📅 <b>{ $title }</b> — week of { $from } – { $to }
calendar-timezone = 🕒 Times in { $timezone }
calendar-day-empty = no slots
calendar-price-from = from { $price }
calendar-no-schedule = ⚠️ No schedule yet: set one in the selling settings to get slots.
calendar-no-prices = ⚠️ No prices set yet: free slots cannot be sold until you set them in the selling settings.
calendar-legend = 🟢 free · ⚪ not sellable now (top window or daily limit) · ⏳ held · 📌 booked · 📣 published · 🚫 blocked
calendar-prev = ‹ Previous week
calendar-next = Next week ›
calendar-back-card = ‹ Back to the channel
calendar-back-week = ‹ Back to the week
calendar-day-title = 📅 <b>{ $title }</b> — { $date }
calendar-day-none = No slots on this day.
calendar-day-hint = Tap a free slot 🟢 to block it, a blocked one 🚫 to put it back on sale.
calendar-day-readonly = You can view the slots of this channel but not change them.
calendar-not-found = Channel not found.
calendar-blocked = 🚫 { $time } blocked: it will not be offered to advertisers.
calendar-unblocked = 🟢 { $time } is on sale again.
calendar-slot-gone = This slot no longer exists: the schedule has changed.
calendar-slot-past = This slot has already started.
calendar-slot-changed = This slot has just changed: see the calendar.
calendar-forbidden = You may not change the slots of this channel.
calendar-info-held = { $mark } { $time }: held by an advertiser at checkout.
calendar-info-booked = { $mark } { $time }: booked.
calendar-info-published = { $mark } { $time }: the ad is published.
calendar-info-done = { $mark } { $time }: the placement is completed.
calendar-info-cancelled = { $mark } { $time }: withdrawn from sale.
calendar-info-past = { $mark } { $time }: this slot is in the past.

## Channels: list, add, verify, card, rights (ch:*)
start-owner-channels = 📋 My channels
start-owner-add = ➕ Add a channel
channels-list-title = 📋 <b>Your channels</b>
channels-list-item = • <b>{ $title }</b> — { $status } ({ $role })
channels-list-empty =
    📋 <b>Your channels</b>

    You have no channels yet. Add your first one: it takes a minute.
channels-role-owner = owner
channels-role-manager = manager
channels-add-text =
    ➕ <b>Add a channel</b>

    1. Press «Add the bot to a channel» below, pick your channel and confirm. Telegram asks you to make { $bot } an admin with the rights «Post messages», «Edit messages of others» and «Delete messages of others». Posting is required; editing and deleting are needed for pinned formats and for formats the bot deletes after their time.
    2. I will then ask you to finish setup here.

    Already added the bot? Forward any post of the channel here, or send its @username or a t.me link.
channels-private = private channel
channels-this-channel = this channel
channels-finish-setup =
    👋 You added me to the channel <b>{ $title }</b>. Press the button to check the rights and finish setting it up.
channels-added = ✅ The channel <b>{ $title }</b> is added. Set up the schedule and prices to start selling.
channels-rechecked = 🔄 Rights of <b>{ $title }</b> checked again.
channels-card =
    📢 <b>{ $title }</b>
    { $handle }

    Status: { $status }
    Subscribers: { $subscribers }

    <b>Bot rights</b>
    { $rights }

    <b>Ready to sell</b>
    { $schedule } Schedule
    { $prices } At least one format with a price

    <b>Next bookings</b>
    { $bookings }

    🔗 Share link (opens booking of this channel):
    { $link }
channels-card-no-bookings = None yet.
channels-status-active = ✅ selling
channels-status-pending = 🕓 waiting for review
channels-status-paused-owner = ⏸ paused by you
channels-status-paused-rights = ⏸ paused: the bot lacks rights in the channel
channels-status-paused-plan = ⏸ paused: over your plan's channel limit
channels-status-blocked = ⛔ blocked by LytSlot: { $reason }
channels-right-post = Post messages
channels-right-edit = Edit messages of others
channels-right-delete = Delete messages of others
channels-right-ok = ✅ { $right }
channels-right-missing = ⚠️ { $right } — missing: give the bot this right in the channel's admin settings, then press «Re-check rights»
channels-right-unused = ▫️ { $right } — not needed by your formats yet
channels-button-selling = ⚙️ Selling settings
channels-button-calendar = 📅 Calendar
channels-button-recheck = 🔄 Re-check rights
channels-button-pause = ⏸ Pause
channels-button-resume = ▶️ Resume
channels-button-remove = 🗑 Remove
channels-button-list = ‹ My channels
channels-button-add = ➕ Add a channel
channels-button-add-bot = ➕ Add the bot to a channel
channels-button-check-again = 🔄 Check again
channels-button-finish-setup = ✅ Finish setup
channels-button-open-card = 📢 Open the channel
channels-button-how-to-add = ➕ How to add a channel
channels-button-remove-confirm = 🗑 Yes, remove it
channels-button-remove-cancel = ‹ No, keep it
channels-not-found = Channel not found. It may have been removed, or you have no access to it.
channels-error-chat-not-found =
    I can't find this channel. Check the @username or the link. For a private channel, first add me as an admin (button below), then forward any post of the channel here.
channels-error-bot-not-member =
    I am not in the channel <b>{ $title }</b>. Add me as an administrator with the right «Post messages» (button below), then press «Check again».
channels-error-bot-not-admin =
    I am not an administrator of <b>{ $title }</b>. Make me an admin with the right «Post messages» (button below), then press «Check again».
channels-error-bot-cannot-post =
    I am an admin of <b>{ $title }</b> but I don't have the right «{ $right }». Open the channel → Administrators → LytSlot, turn on «{ $right }», then press «Check again».
channels-error-not-channel = This is not a channel. LytSlot sells ads in Telegram channels only.
channels-error-user-not-admin =
    Only the creator of <b>{ $title }</b> or an administrator who may post messages there can add it. Telegram says you are not one.
channels-error-already-registered =
    The channel <b>{ $title }</b> is already registered on LytSlot by another account. If it is yours, write to support from /help.
channels-error-plan-limit =
    Your plan allows { $limit ->
        [one] { $limit } channel
       *[other] { $limit } channels
    }. Remove a channel or move to Pro (up to 10 channels; available soon).
channels-error-telegram = Telegram did not answer the check. Please try again in a minute.
channels-error-private-link =
    I can't open invite links. Add me to the channel as an admin, then forward any post of the channel here.
channels-error-forward-not-channel =
    This message was not forwarded from a channel (or its author hides the source). Forward a post of the channel itself.
channels-error-forbidden = Only the owner of the workspace can do this.
channels-error-blocked = This channel is blocked by LytSlot. Write to support from /help.
channels-error-resume-rights = The bot still can't post in this channel. Give it the right «Post messages», then press «Re-check rights».
channels-error-resume-plan = This channel is over your plan's channel limit. Remove another channel or move to Pro.
channels-error-remove-bookings = This channel has booked ads ahead. It can be removed after they are published or cancelled; pause it to stop new sales.
channels-error-remove-history = This channel has a sales history and can't be deleted yet. Pause it instead.
channels-paused = ⏸ Paused: advertisers can't book it now.
channels-resumed = ▶️ Selling resumed.
channels-remove-confirm =
    🗑 Remove <b>{ $title }</b> from LytSlot?

    Its free slots and selling settings are deleted. You can add it again later.
channels-removed = 🗑 <b>{ $title }</b> is removed from LytSlot. You can remove the bot from the channel now.
channels-notice-paused =
    ⚠️ The bot lost the right { $rights } in <b>{ $title }</b>. Selling is paused.

    Fix: open the channel → Administrators → LytSlot and turn it back on. Selling resumes by itself.
channels-notice-removed =
    ⚠️ The bot was removed from <b>{ $title }</b>. Selling is paused.

    Fix: add the bot back as an administrator with «Post messages» (and «Edit» / «Delete messages of others» for your formats). Selling resumes by itself.
channels-notice-resumed = ✅ The bot's rights in <b>{ $title }</b> are back. Selling resumed.
channels-notice-degraded =
    ⚠️ The bot lost { $rights } in <b>{ $title }</b>. Some of your formats need it: give it back in the channel's admin settings.
channels-button-managers = 👥 Managers
