# LytSlot Pro — English. Keys are `<feature>-<message>`; every key exists in ru.ftl too.
# Messages are sent with parse_mode HTML: write &amp; &lt; &gt; for literal characters.

## /start and the role menu
start-welcome =
    👋 Hi, { $name }! This is <b>LytSlot</b>, a marketplace for ads in Telegram channels.

    Channel owners sell ad slots, advertisers book and pay for them, and the bot publishes each ad on time and checks that it stays up.

    Who are you here?
start-role-owner = 📢 I own channels
start-role-advertiser = 🎯 I advertise
start-role-help = ❓ Help
start-back = ‹ Back
start-owner-text =
    📢 <b>For channel owners</b>

    • Add your channel: make the bot an admin that may post, and it checks your rights.
    • Set your schedule, ad formats (for example 1/24: one hour on top, a day in the feed) and prices.
    • Approve orders, and the bot publishes each ad at the booked time by itself and checks it stays up.
    • You get 80 % of each order once the ad has stayed up as promised: see «Balance & payouts» and request a payout there.

    Start with «Add a channel» below.

## /help and the support conversation
help-text =
    ❓ <b>LytSlot help</b>

    LytSlot is a marketplace for ads in Telegram channels: owners sell slots, advertisers book and pay, the bot publishes and verifies each placement.

    <b>Commands</b>
    { $commands }

    Questions? Press «Ask support» and write one message.
help-ask-support = ✉️ Ask support
help-back = ‹ Back
support-ask =
    ✉️ Write your question in one message (text only, up to { $max } { $max ->
        [one] character
       *[other] characters
    }).

    Send /cancel to stop.
support-text-only = Please send your question as text. Stickers, photos and files can't be sent to support. /cancel stops.
support-too-long = That message has { $length } { $length ->
        [one] character
       *[other] characters
    }; the limit is { $max }. Please shorten it and send it again.
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
commands-orders = My orders (advertisers)
commands-help = Help and support
commands-language = Change the language
commands-cancel = Cancel the current action
commands-admin-order = Look up an order (id or short id)
commands-admin-channel = Look up a channel (@username or id)
commands-admin-user = Look up a user (Telegram id or @username)
commands-admin-audit = Audit trail of an order, channel, user, payout or dispute
commands-admin-block = Block a channel or a user
commands-admin-unblock = Lift a block
commands-admin-stats = Platform stats by day, week or month
commands-admin-moderation = Switch pre-moderation on or off
commands-admin-adminlang = Language of the admin chat (ru or en)
help-admin-title = <b>Admin chat</b>

## Selling settings (sell:*)
selling-summary =
    ⚙️ <b>Selling settings — { $title }</b>

    🌍 Time zone: { $timezone }
    🗓 Schedule: { $schedule }
    💰 Prices ({ $currency }): { $prices }
    📌 Pinned: { $pinned }
    ⏱ Minimum lead time: { $lead }
    📆 Booking horizon: { $horizon } { $horizon ->
        [one] day
       *[other] days
    }
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
selling-bundle-value = from { $slots } { $slots ->
        [one] slot
       *[other] slots
    } −{ $percent } %
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
    Now: { $review }. With manual review, an order not answered in time is rejected and refunded. The deadline is never later than 15 minutes before the order's first slot.
selling-ask-timezone = Send the time zone name as in the IANA list, for example <code>Europe/Moscow</code> or <code>Asia/Tbilisi</code>. Now: { $current }
selling-ask-lead = How long before the slot must an order come in? For example <code>2h</code>, <code>90m</code> or <code>30</code> (minutes). Now: { $current }
selling-ask-horizon = How many days ahead can advertisers book (1–90)? Now: { $current }
selling-ask-blackout = Send a date with no ads (<code>2026-12-31</code> or <code>31.12</code>). Sending a date that is already on the list removes it. Now: { $current }
selling-ask-maxday = At most how many ads a day (1–96)? <code>0</code> means no limit. Now: { $current }
selling-ask-description = Send the catalog description (up to { $max } { $max ->
        [one] character
       *[other] characters
    }; <code>-</code> clears it). Now: { $current }
selling-ask-bundle = Send the bundle discount as two numbers: from how many slots and how many percent, e.g. <code>3 10</code> (3+ slots −10 %). <code>0</code> switches it off. Now: { $current }
selling-ask-pinned = Send the pinned hours and the price in { $currency }, e.g. <code>24 1500</code>. Now: { $current }
selling-ask-price = Send the price of { $format } in { $currency }, e.g. <code>1500</code> or <code>1500.50</code>. Now: { $current }
selling-ask-times = Send the posting times, e.g. <code>9:00, 13:30, 18:00</code>. Now: { $current }
selling-ask-windows = Send the windows, e.g. <code>10:00-14:00, 16:00-22:00</code> (a slot every { $step } min). Now: { $current }
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
selling-error-too-long = The text has { $length } { $length ->
        [one] character
       *[other] characters
    }; the limit is { $max }.
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
    }. Remove a channel or move to Pro (up to 10 channels): /plan
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
channels-notice-paid-ahead =
    ⏰ { $count ->
        [one] This paid ad is due here:
       *[other] These paid ads are due here:
    }
    { $ads }
    Each one is posted only if the bot can post again within { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    } after its time; otherwise that order fails and the advertiser is refunded in full.
channels-notice-paid-ad = • { $when } — order { $order }
channels-notice-resumed = ✅ The bot's rights in <b>{ $title }</b> are back. Selling resumed.
channels-notice-degraded =
    ⚠️ The bot lost { $rights } in <b>{ $title }</b>. Some of your formats need it: give it back in the channel's admin settings.
channels-button-managers = 👥 Managers

## Catalog (advertisers: find channels, channel card, inline mode)
catalog-advertiser-text =
    🎯 <b>For advertisers</b>

    • Find channels in the catalog by topic, language, audience and price, or search by name.
    • Book free slots, send your post exactly as it should look, and pay with Telegram Stars or a card.
    • Follow every order in «My orders» and get a report with clicks when the ad has run.
    • The bot publishes the ad, checks it stays up, and refunds you if the channel breaks the terms.
    • Share a channel with anyone: type @{ $bot } and a name in any chat.
catalog-button-find = 🔎 Find channels
catalog-button-orders = 🧾 My orders
catalog-title = 🔎 <b>Channel catalog</b>
catalog-filters-summary = Category: { $category } · Language: { $language } · Subscribers: { $subscribers } · Price: { $price }
catalog-search-summary = 🔍 Search: «{ $query }»
catalog-found = Found { $total } · page { $page } of { $pages }
catalog-empty = Nothing matches. Change the filters or the search.
catalog-entry =
    { $n }. <b>{ $title }</b> { $handle }
    👥 { $subscribers } · { $category } · from { $price }
catalog-private = (private channel)
catalog-no-category = no category
catalog-prev = ‹ Back
catalog-next = Next ›
catalog-button-search = 🔍 Search
catalog-button-filters = ⚙️ Filters
catalog-button-clear-search = ✖️ Clear the search
catalog-filters-title = ⚙️ <b>Filters</b>
catalog-filter-category = 🗂 Category
catalog-filter-language = 🌐 Language
catalog-filter-subscribers = 👥 Subscribers
catalog-filter-price = 💰 Price
catalog-filter-reset = ♻️ Reset
catalog-back-advertiser = ‹ Advertiser menu
catalog-back-results = ‹ Results
catalog-back-filters = ‹ Filters
catalog-choose-category = 🗂 Choose a category:
catalog-choose-language = 🌐 Choose the channel's language:
catalog-choose-subscribers = 👥 How many subscribers?
catalog-choose-price = 💰 Price of the cheapest format (per post):
catalog-range-under = under { $max }
catalog-range-over = { $min } and more
catalog-range-between = { $min }–{ $max }
catalog-search-ask = 🔍 Send part of the channel's name or its @username ({ $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }). /cancel to stop.
catalog-search-text-only = Please send the name as text.
catalog-search-too-short = That is too short: send at least { $min } { $min ->
        [one] character
       *[other] characters
    }.
catalog-search-too-long = That is too long: send at most { $max } { $max ->
        [one] character
       *[other] characters
    }.
catalog-card-title = 📣 <b>{ $title }</b> { $handle }
catalog-card-facts = 👥 { $subscribers } { $subscribers ->
        [one] subscriber
       *[other] subscribers
    } · { $category } · { $language }
catalog-card-prices-title = 💰 <b>Prices per post</b>
catalog-card-price = • { $format } — { $price }
catalog-card-price-pinned = • 📌 pinned for { $hours } h — { $price }
catalog-card-no-prices = No prices set yet.
catalog-card-formats-hint = <i>1/24: 1 hour on top, 24 hours in the feed; 1/0: stays for good.</i>
catalog-card-slots-title = 📅 <b>Next free slots</b>
catalog-card-zone = Times in { $zone }:
catalog-card-zones = Channel time ({ $zone }), yours in brackets ({ $yours }):
catalog-card-no-slots = No free slots right now.
catalog-card-stats = 📊 Fill rate { $fill }% · { $published } { $published ->
        [one] ad
       *[other] ads
    } published · on time { $ontime }% · kept up as promised { $kept }% · deleted early { $deletions }
catalog-card-stats-new = 🆕 New on LytSlot: no ads published yet · fill rate { $fill }%
catalog-card-growth = { $trend ->
        [down] 📉 −{ $change }
        [flat] ➖ ±{ $change }
       *[up] 📈 +{ $change }
    } { $change ->
        [one] subscriber
       *[other] subscribers
    } in { $days } { $days ->
        [one] day
       *[other] days
    }
catalog-card-clicks = 👆 Clicks per ad per 1,000 subscribers: { $average } ({ $ads } { $ads ->
        [one] ad
       *[other] ads
    } in { $days } { $days ->
        [one] day
       *[other] days
    })
catalog-card-link = 🔗 { $link }
catalog-button-book = 📅 Book
catalog-back = ‹ Back
catalog-unavailable = 😕 This channel is not available: the link is wrong, or the channel is paused or no longer sells ads. Find others in the catalog.
catalog-unavailable-short = This channel is not available any more.
catalog-stale = This button is out of date. Open the catalog again.
catalog-inline-description = 👥 { $subscribers } · from { $price }
catalog-inline-message =
    📣 <b>{ $title }</b> { $handle }
    👥 { $subscribers } subscribers · ads from { $price }
    Book a slot: { $link }
catalog-inline-open = 📅 Open in the bot

# Creative (issue 4, engineer Y)
creative-variant = 🎨 <b>Ad variant { $n } of up to { $max }</b>
creative-ask-content =
    Send the post exactly as it should appear in the channel:
    • a text with formatting, or
    • one photo, video, GIF or file with a caption, or
    • an album (up to 10 items).

    Formatting, links and emoji are kept. /cancel stops.
creative-album-collecting = 📎 Collecting the album… Tap «Done» when all items are in.
creative-album-done = ✅ Done with the album
creative-error-unsupported = This can't be an ad post. Send a text, one photo, video, GIF or file (with a caption if you like), or an album. Stickers, voice messages, polls and locations are not accepted.
creative-error-empty = The post is empty. Send the text or media of the ad.
creative-error-album-too-large = An album holds at most { $max } { $max ->
        [one] item
       *[other] items
    }. Send a smaller one.
creative-ask-buttons =
    🔗 Add URL buttons under the post (up to { $max }), one per message:
    <code>Label — https://example.com</code>
    or the label first and the link next. Links must start with http://, https:// or tg://.
creative-ask-button-url = Now send the link for the button «{ $label }».
creative-button-added = ✅ Button { $count } of { $max }: «{ $label }» → { $url }. Send another or tap «Done».
creative-buttons-done = ✅ Done
creative-buttons-skip = ⏭ No buttons
creative-buttons-full = That's { $max } { $max ->
        [one] button
       *[other] buttons
    }, the most a post can carry.
creative-buttons-text-only = Send a button as text: <code>Label — https://example.com</code>.
creative-error-url-invalid = This is not a valid link. Example: <code>https://example.com/page</code>.
creative-error-url-scheme = Links starting with «{ $scheme }:» are not allowed. Use http://, https:// or tg://.
creative-error-label-empty = The button needs a label before the link: <code>Label — https://example.com</code>.
creative-error-label-too-long = The label is { $length } { $length ->
        [one] character
       *[other] characters
    } long; at most { $max }.
creative-try-again = Send it again.
creative-error-stop-word = The channel «{ $channel }» does not accept ads with the word «{ $word }». Change the post and send it again.
creative-error-blocked-domain = The channel «{ $channel }» does not accept links to { $domain }. Change the post and send it again.
creative-joins-hint = 👥 The ad links to { $chats }. To count who subscribes from it, make { $bot } an admin there with the right to invite users (no other right is needed): each post then carries an invite link of its own, and your report shows the joins.
creative-preview-intro = 👀 This is exactly how the ad will look in the channel:
creative-preview-buttons = 🔗 Buttons of the post:
creative-preview-actions = Is everything right?
creative-looks-good = ✅ Looks good
creative-redo = ✏️ Redo
creative-add-variant = ➕ Add a variant
creative-variants-pro = 🧪 A second variant makes an A/B test, a Pro feature: the variants take turns across your posts, and the one with the most clicks per subscriber takes the remaining posts. Pro is in /plan. For now, go on with this ad or redo it.
creative-use-buttons = Use the buttons below the preview.
creative-done = ✅ The ad is saved. Next: review the order and pay.
creative-continue-payment = Continue to payment ›
creative-not-found = This order is no longer available. Open your cart and try again.
creative-not-editable = This order is already being paid or reviewed; its ad can't be changed.
creative-stale = These buttons are no longer active. Open your cart to continue.

# Ad marking (issue 4, engineer Y)
marking-intro = 🏷 This channel publishes ads only with marking (Russian law 38-FZ): your name, INN and erid token. The marking line is added at the end of the post.
marking-ask-name = Send the advertiser's name as it should appear in the marking ({ $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }), e.g. <code>ООО «Ромашка»</code>.
marking-ask-inn = Send the advertiser's INN: 10 digits for a company, 12 for an individual.
marking-ask-erid = Send the erid token you got from your ad operator (ORD): Latin letters and digits, up to 64.
marking-error-name = The name must be { $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }.
marking-error-inn-format = An INN is 10 or 12 digits.
marking-error-inn-checksum = This INN has a wrong check digit: check the number.
marking-error-erid = An erid is 1–64 Latin letters and digits, without spaces.
marking-text-only = Send it as text.
marking-saved-offer = Use the details from your last order? Name: { $name }, INN { $inn }. You only need to send the new erid.
marking-saved-use = ✅ { $name }, INN { $inn }
marking-saved-other = ✏️ Other name and INN
marking-saved-choose = Tap one of the buttons above: the saved details, or other ones.
marking-inn-sandbox-hint = 🧪 Sandbox: any INN with a valid check digit works, e.g. <code>7707083893</code>.
marking-saved = ✅ Marking saved.

# Booking (issue 4: orders core)
booking-format-pinned = 📌 pinned { $hours } h
booking-choose-format =
    🛒 <b>{ $title }</b>
    Choose the ad format (1/24: 1 hour on top, 24 hours in the feed; 1/0: stays for good):
booking-format-button = { $format } · { $price }
booking-discount-note = 🎁 Bundle discount: −{ $percent }% on every slot of this channel when you take { $minSlots } or more.
booking-no-formats = This channel sells no formats yet.
booking-choose-date =
    🛒 <b>{ $title }</b> · { $format } · { $price }
    Choose a day (dates in the channel's time, { $timezone }):
booking-no-dates = No free slots for this format right now. Try another format or come back later.
booking-choose-time =
    🛒 <b>{ $title }</b> · { $format } · { $date }
    Choose a time. Channel time ({ $timezone }) first, yours ({ $yours }) in brackets. Your pick is held for 15 minutes.
booking-no-times = No free times left on this day.
booking-back-formats = ‹ Formats
booking-back-dates = ‹ Days
booking-held = ⏳ Held: <b>{ $title }</b>, { $when } ({ $format }). It is yours for 15 minutes.
booking-taken = 😕 This slot was just taken by someone else.
booking-taken-nearest = The nearest free ones (channel time):
booking-taken-none = No free slots nearby: choose another day.
booking-error-channel = This channel cannot be booked now (not found, paused or blocked).
booking-error-format = This format is not offered by the channel any more.
booking-error-unavailable = This slot is not for sale any more. Choose another one.
booking-error-too-soon = Too late to book this slot: the channel needs more lead time.
booking-error-blocked = Your account cannot book ads.
booking-error-own = This is your own channel: you cannot buy ads in it.
booking-error-limit = A checkout holds at most { $limit } { $limit ->
        [one] slot
       *[other] slots
    }. Pay for these first, then book more.
booking-whitelist =
    🔒 <b>{ $title }</b> sells only to advertisers it has approved.
    Ask for access: the owner gets your request and answers in one tap.
booking-request-access = 🔑 Request access
booking-access-sent = ✅ Request sent. We will tell you when the owner answers.
booking-access-pending = ⏳ Your access request is waiting for the owner's answer.
booking-access-declined-before = The owner of this channel has declined your access request.
booking-access-request =
    🔑 <b>Access request</b>
    { $advertiser } asks to book ads in <b>{ $title }</b> (whitelist-only).
booking-access-allow = ✅ Allow
booking-access-decline = ✖ Decline
booking-access-allowed-owner = ✅ { $advertiser } may now book ads in <b>{ $title }</b>.
booking-access-declined-owner = ✖ Access declined.
booking-access-done = This request has already been answered.
booking-access-forbidden = Only the channel's owner and managers can answer.
booking-access-allowed = ✅ The owner of <b>{ $title }</b> approved your access. You can book now.
booking-access-declined = The owner of <b>{ $title }</b> declined your access request.
booking-book-now = 🛒 Book { $title }
booking-cart-title = 🛒 <b>Your order</b>
booking-cart-empty = Your cart is empty. Find a channel and pick a slot.
booking-cart-expired = ⌛ Your holds have expired and the slots were released. Pick them again.
booking-cart-channel = <b>{ $title }</b>
booking-cart-item = • { $when } · { $format } · { $price }
booking-cart-item-discount = • { $when } · { $format } · <s>{ $price }</s> { $final }
booking-cart-order-total = Subtotal { $subtotal } · discount −{ $discount } · <b>total { $total }</b>
booking-cart-order-plain = <b>Total { $total }</b>
booking-cart-hold = ⏳ Held for another { $minutes } min.
booking-cart-paying = 💳 Payment in progress.
booking-cart-note = Each channel owner is paid by a separate invoice.
booking-button-another = ➕ Another slot
booking-button-other-channels = 🔎 Other channels
booking-button-remove = 🗑 { $when }
booking-button-cancel = ✖ Cancel
booking-button-continue = Continue ›
booking-button-cart = 🛒 Cart
booking-cancel-confirm = Cancel the whole order and release every held slot?
booking-cancel-yes = Yes, cancel
booking-cancel-no = ‹ Keep it
booking-cancelled = The order was cancelled and the slots released.
booking-removed = Removed.
booking-remove-failed = This item can no longer be changed.

## Checkout with Telegram Stars (issue 4, engineer Z)
checkout-nothing = Nothing to pay here: the slots of this order are no longer held. Open 🧾 My orders or book again.
checkout-several = Your bundle spans { $count } channel { $count ->
        [one] owner
       *[other] owners
    }: you get one invoice per order.
checkout-summary = 🧾 <b>Your order</b> — { $channels }
checkout-item = • <b>{ $channel }</b> — { $time } ({ $zone }) · { $format } · { $price }
checkout-item-both = • <b>{ $channel }</b> — { $time } ({ $zone }), your time { $mine } · { $format } · { $price }
checkout-subtotal = Subtotal: { $amount }
checkout-discount = Bundle discount: −{ $amount }
checkout-total = <b>Total: { $amount }</b>
checkout-marking = Ad marking: { $name }, INN { $inn }, erid { $erid }
checkout-stars = To pay: <b>{ $stars } ⭐</b> (for { $amount })
checkout-invoice-title = Ad placement
checkout-invoice-description = Advertising in { $channels }: { $count } { $count ->
        [one] slot
       *[other] slots
    }. The money is held in escrow until the ad runs.
checkout-invoice-label = Ad placement
checkout-refused = ⚠️ The order in { $channels } can't be paid yet: { $reason }
checkout-button-creative = ✏️ Back to the creative
checkout-error-not-payable = it is no longer waiting for payment.
checkout-error-hold-expired = the 15-minute hold on its slots has expired. Book the slots again.
checkout-error-empty = it has no slots.
checkout-error-no-creative = hand in the ad post first.
checkout-error-marking = this channel requires ad marking: fill in the advertiser's name, INN and erid.
checkout-error-content = the post breaks the channel's rules (stop words, blocked links or length). Edit it.
checkout-precheckout-not-payable = This order can no longer be paid. Open My orders in the bot.
checkout-precheckout-expired = The hold on these slots has expired and they were released. Please book again.
checkout-precheckout-changed = The order changed after this invoice was issued. Open the checkout again for a fresh invoice.
checkout-paid-unknown = This payment does not belong to any order, so it was refunded.
checkout-paid-too-late = ⚠️ The payment arrived after the order was closed. Your Stars are being returned.

## Owner review (issue 4, engineer Z)
review-card =
    📝 <b>New order to review</b> from { $advertiser }
    The ad post is shown above exactly as it will be published.
review-card-share = Your earnings: <b>{ $share }</b> — 80 % of the order's { $total }, paid once the ad has run as booked.
review-card-deadline = Decide by { $deadline } — after that the order is rejected automatically and refunded.
review-button-approve = ✅ Approve
review-button-reject = ❌ Reject
review-reason-ask = Why do you reject this ad? Write the reason for the advertiser ({ $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }). /cancel to go back.
review-reason-invalid = The reason must be text of { $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }. Try again, or /cancel.
review-rejected-done = ❌ Rejected. The advertiser gets the reason and a full refund; the slots are free again.
review-approved-done = Approved
review-approved-note = ✅ Approved: the ad is scheduled. The advertiser has been told.
review-already-decided = This order has already been decided (or cancelled by the advertiser).
review-not-found = Order not found.
review-forbidden = You can't review orders of this workspace.
review-deadline-passed = ⌛ Too late to approve: the review deadline has passed. The order is declined and the advertiser gets a full refund.
review-news-in-review = ✅ Payment received. Your order in <b>{ $channel }</b> is with the channel owner for review until { $deadline }. If it isn't approved by then, you get a full refund.
review-news-scheduled = 🗓 Your order in <b>{ $channel }</b> is approved and scheduled.
review-news-rejected = ❌ The owner of <b>{ $channel }</b> rejected your order: { $reason }
review-news-auto-rejected = ⌛ The owner of <b>{ $channel }</b> did not review your order in time, so it was cancelled.
review-news-refund-pending = ⏳ Telegram did not accept the refund yet. We retry automatically until your Stars are back.
review-auto-rejected-owner = ⌛ An order in <b>{ $channel }</b> was not reviewed in time: it was rejected and the advertiser refunded.
review-cancelled-owner = ↩️ The advertiser cancelled their order in <b>{ $channel }</b>. The slots are free again.
review-auto-scheduled-owner = 🗓 New paid order in <b>{ $channel }</b>: accepted automatically and scheduled.

## My orders (issue 4, engineer Z)
orders-status = { $status ->
    [draft] 📝 draft
    [held] ⏳ held, not paid
    [awaiting_payment] 💳 awaiting payment
    [paid] 💰 paid
    [in_review] 👀 in review
    [scheduled] 🗓 scheduled
    [publishing] 📤 publishing
    [published] 📢 published
    [completed] ✅ completed
    [rejected] ❌ rejected
    [cancelled] ↩️ cancelled
    [expired] ⌛ expired
    [failed] ⚠️ failed
    [refunded] 💸 refunded
    *[disputed] ⚖️ disputed
}
orders-list = 🧾 <b>My orders</b> ({ $count }). Pick one:
orders-list-item = { $channels } · { $status } · { $total } · { $date }
orders-empty = 🧾 You have no orders yet. Find a channel to advertise in.
orders-button-find = 🔎 Find channels
orders-card = 🧾 <b>Order</b> — { $channels }
    Status: { $status }
orders-card-reason = Reason: { $reason }
orders-card-refunded = Refunded: { $amount }
orders-reason-deadline = the owner did not review it in time
orders-button-report = 📊 Report
orders-button-back-card = ◀️ Back to the order
orders-report-title = 📊 <b>Report</b> — { $channels }
orders-report-not-out = not out yet (due { $due })
orders-report-post = <b>{ $channel }</b> · { $format } · { $when }
    { $violations ->
        [0] Kept as booked
        [one] 1 promise broken
       *[other] { $violations } promises broken
    } · clicks { $clicks } (unique { $unique }) · reactions { $reactions }{ $invite ->
        [yes] {" · "}joined { $joins } (left within 24 h: { $leftDay })
       *[no] {""}
    }
orders-report-totals = <b>In all</b>: spent { $spent } · clicks { $clicks } (unique { $unique }), { $perClick } per click · reactions { $reactions }{ $invite ->
        [yes] {" · "}joined { $joins } (left within 24 h: { $leftDay }), { $perJoin } per join
       *[no] {""}
    }
orders-report-chart-title = Clicks and joins by day
orders-report-chart-clicks = Clicks
orders-report-chart-joins = Joins
orders-report-chart-day = { $day }: clicks { $clicks }, joins { $joins }
orders-button-campaign = 📊 Campaign report
orders-campaign-title = 📊 <b>Campaign</b> — { $count ->
        [one] one order
       *[other] { $count } orders
    } with posts out
orders-campaign-order = • <b>{ $channels }</b> · { $status } · spent { $spent } · posts { $posts } · clicks { $clicks } (unique { $unique }) · joined { $joins } · reactions { $reactions }
orders-campaign-totals = <b>In all</b>: clicks { $clicks } (unique { $unique }) · joined { $joins } (left { $leaves }) · reactions { $reactions }
orders-campaign-spent = spent { $spent } · { $perClick } per click · { $perJoin } per join
orders-campaign-empty = 📊 None of your posts has gone out yet: the campaign report starts with the first.
orders-campaign-chart-title = Clicks and joins by day, all orders
orders-ab-title = 🧪 <b>A/B test</b> (clicks per subscriber; the winner takes the remaining posts)
orders-ab-variant = Variant { $name }: posts { $posts } · reach { $reach } · clicks { $clicks } · per 1 000 subscribers { $per1000 } · chance to be the best { $chance }
orders-ab-winner = 🏆 Winner: variant { $name } ({ $chance } chance to be the best); the remaining posts go out with it.
orders-ab-leading = No winner yet: variant { $name } leads with a { $chance } chance to be the best; a winner is named at { $needed }.
orders-ab-waiting = No winner yet: each variant needs a published post first; a winner is named at { $needed }.
orders-button-preview = 👁 Show the ad post
orders-button-pay = 💳 Pay
orders-button-cancel = ↩️ Cancel order
orders-button-cancel-yes = Yes, cancel
orders-button-cancel-no = No, keep it
orders-button-back = ⬅️ My orders
orders-button-open = 🧾 Open the order
orders-cancel-confirm = Cancel this order? Its slots will be released.
orders-cancel-confirm-paid = Cancel this order? You get a full refund the way you paid (Stars, card or balance), and its slots are released.
orders-cancelled = Order cancelled
orders-not-cancellable = This order can't be cancelled any more (it was approved or already closed).
orders-not-found = Order not found.
creative-error-too-long-marked = The post is too long: { $length } { $length ->
        [one] character
       *[other] characters
    } with the marking line, the limit is { $max }. Cut { $over } { $over ->
        [one] character
       *[other] characters
    } and send it again.
creative-error-too-long-plain = The post is too long: { $length } { $length ->
        [one] character
       *[other] characters
    }, the limit is { $max }. Cut { $over } { $over ->
        [one] character
       *[other] characters
    } and send it again.
marking-rules-button = 🚫 Stop words and domains
marking-rules-ask =
    🚫 <b>Stop words and blocked domains of { $title }</b>
    Ads containing these words (whole words, any case) or linking to these domains (with subdomains) are refused.

    Stop words: { $words }
    Blocked domains: { $domains }

    Send the new list in one message, separated by commas or new lines, e.g. <code>casino, betting, spam.io</code>. Entries with a dot are domains. Send <code>-</code> to clear both lists. /cancel keeps them.
marking-rules-none = none
marking-rules-empty = The list is empty. Send words and domains separated by commas, or <code>-</code> to clear.
marking-rules-too-many = At most { $max } stop { $max ->
        [one] word
       *[other] words
    } and { $max } { $max ->
        [one] domain
       *[other] domains
    }.
marking-rules-too-long = A stop word can be at most { $max } { $max ->
        [one] character
       *[other] characters
    }.
marking-rules-invalid = These lists can't be saved. Check them and send again.
marking-rules-not-found = This channel is not available to you.
marking-rules-saved =
    ✅ Saved.
    Stop words: { $words }
    Blocked domains: { $domains }
marking-rules-back = ‹ Selling settings
orders-reason-hold-expired = the 15-minute hold ran out before payment
orders-reason-abandoned = the checkout was abandoned
catalog-card-whitelist = 🔒 Whitelist only: when you book, the owner is asked to let you in.
catalog-card-marking = 🏷 Russian ad marking required: advertiser name, INN and erid.
catalog-no-matter = Any
booking-hold-expired = ⌛ Your held slots were released: the 15 minutes ran out before payment. Book them again if they are still free.
notify-button-open-post = 🔗 Open the post
notify-button-order = 📄 Order
notify-published-advertiser = ✅ Your ad is live in <b>{ $channel }</b> (published { $publishedAt }).
notify-published-owner = 📣 An ad was published in <b>{ $channel }</b> at { $publishedAt }. Keep it as booked until the end to be paid in full.
settle-report-advertiser =
    📊 <b>Ad report — { $channel }</b>
    Published: { $publishedAt }
    Lifetime: { $kept ->
        [yes] kept in full
       *[no] broken for { $brokenMinutes } min
    }
    Clicks so far: { $clicks } · Reactions: { $reactions }{ $invite ->
        [yes] {" · "}Joined through the ad: { $joins } (left within 24 h: { $leftDay })
       *[no] {""}
    }
settle-report-owner =
    📊 <b>Ad finished — { $channel }</b>
    Published: { $publishedAt }
    Lifetime: { $kept ->
        [yes] kept in full
       *[no] broken for { $brokenMinutes } min
    }
    Clicks so far: { $clicks } · Reactions: { $reactions }{ $invite ->
        [yes] {" · "}Joined through the ad: { $joins } (left within 24 h: { $leftDay })
       *[no] {""}
    }
settle-earned-owner = 💰 Order completed: { $amount } added to your balance (platform fee { $fee }).
settle-credited-advertiser = ↩️ { $amount } credited to your balance for the time your ad was not shown as booked. It pays for your next bookings.
settle-undelivered-advertiser = ❌ Your ad in <b>{ $channel }</b> was not delivered. The full { $amount } is being refunded.
settle-refunded-advertiser = 💸 { $amount } refunded in full.
publish-lost-rights = ⚠️ I can't post the booked ad in <b>{ $channel }</b>: the bot is missing { $missing }. Restore the bot's admin rights within { $minutes } { $minutes ->
        [one] minute
       *[other] minutes
    }, or the order fails and the advertiser is refunded in full.
publish-failure-cause = { $cause ->
        [rights] the bot lacked the rights to post there within 15 minutes of the slot.
        [channel] the channel was not active within 15 minutes of the slot.
        [link] Telegram refused a link in it (Telegram: { $detail }).
        [too_long] it is too long for Telegram (Telegram: { $detail }).
        [refused] Telegram refused it (Telegram: { $detail }).
        [late_refund] it could not go out at the booked time, and the advertiser chose a refund instead of a late post.
        [late_no_answer] it could not go out at the booked time, and the advertiser did not answer whether to post it late, so it was refunded.
       *[telegram] Telegram kept answering with an error for 15 minutes after the slot (Telegram: { $detail }).
    }
publish-failed-owner = ❌ The booked ad in <b>{ $channel }</b> could not be posted: { publish-failure-cause } { $refund ->
        [share] The posts already out stay; the advertiser gets this post's share back when the order is settled.
       *[full] The order failed and the advertiser is refunded in full.
    }
publish-failed-advertiser = ❌ Your ad in <b>{ $channel }</b> could not be posted: { publish-failure-cause } { $refund ->
        [share] You get this post's share back when the order is settled.
       *[full] The order failed and your payment is refunded in full.
    }
publish-late-ask = ⏱ Your ad in <b>{ $channel }</b> could not go out at the booked time: it is already { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } late. Post it now anyway, move it to another free time of the channel at the price you paid, or take your money back for it? Without an answer within { $timeout ->
        [one] { $timeout } minute
       *[other] { $timeout } minutes
    } it is not posted and you get the refund.
publish-late-button-now = ▶️ Post it now
publish-late-button-times = 🗓 Another time
publish-late-button-refund = 💸 Refund instead
publish-late-button-back = ◀️ Back
publish-late-pick-time = Pick a free time of the channel (channel time).
publish-late-no-times = The channel has no free time for this format in the coming week. Post it now or take the refund.
publish-late-time-taken = That time has just been taken or is no longer on sale. Pick another one.
publish-late-moved = 🗓 Moved: your ad goes out on { $when } (channel time), at the price you paid. You'll get a message with the link once it is out.
publish-late-moved-owner = 🗓 An ad in «{ $channel }» could not go out at its booked time (the platform's delay); the advertiser moved it to { $at }. The payment stays the same.
publish-late-now-done = ▶️ Posting your ad now. You'll get a message with the link once it is out.
publish-late-refund-done = 💸 The ad will not be posted; the refund is on its way.
publish-late-decided = This question has already been answered (or the time to answer ran out).
verify-top-owner = ⚠️ Another post appeared in «{ $channel }» while ad { $order } had to stay on top. This is recorded as a violation: the advertiser gets back the share for the time the promise was broken.
verify-top-advertiser = ⚠️ Another post appeared in «{ $channel }» while your ad { $order } had to stay on top. It is recorded; you get back the share for that time when the placement is settled.
verify-deleted-owner = ⚠️ Ad { $order } is no longer in «{ $channel }»: it was deleted before the end of its lifetime. The unserved part goes back to the advertiser and the channel's reputation shows an early deletion.
verify-deleted-advertiser = ⚠️ Your ad { $order } was deleted from «{ $channel }» before the end of its lifetime. You get back the unserved part when the placement is settled.
verify-unpinned-owner = ⚠️ Ad { $order } is no longer pinned in «{ $channel }» although the format promises it. The time without the pin is refunded to the advertiser.
verify-unpinned-advertiser = ⚠️ Your ad { $order } is no longer pinned in «{ $channel }». You get back the share for the time without the pin when the placement is settled.
verify-late-owner = ⏱ Ad { $order } in «{ $channel }» went out late. It is recorded in the placement report.
verify-late-advertiser = ⏱ Your ad { $order } in «{ $channel }» went out late. It is recorded in your report.

## subscription (Pro plan: owner screen, Stars subscription, receipts, expiry)
subscription-menu-button = 💎 Plan and subscription
subscription-command = Your plan and Pro subscription
subscription-title = 💎 <b>Your plan: { $plan ->
        [pro] Pro
       *[free] Free
    }</b>
subscription-status-free = Free: one channel. Pro unlocks more.
subscription-status-pro-forever = Pro with no end date.
subscription-status-renews = Renews automatically via { $method ->
        [stars] Telegram Stars
        [stripe] Stripe
       *[yookassa] YooKassa
    }; paid until { $until }.
subscription-status-cancelled = Renewal cancelled: Pro stays until { $until }, then the plan becomes Free.
subscription-status-paid-until = Paid until { $until }. Pay again before then to keep Pro.
subscription-channels = Channels: { $used } of { $limit }
subscription-paused-by-plan = ⏸ { $count ->
        [one] { $count } channel is paused because Pro ended. Renew to resume it.
       *[other] { $count } channels are paused because Pro ended. Renew to resume them.
    }
subscription-capability = { $mark } { $name }
subscription-capability-channels = up to { $limit } { $limit ->
        [one] channel
       *[other] channels
    }
subscription-capability-api-keys = API keys for the partner API
subscription-capability-ab-tests = A/B tests: up to 4 variants of an ad; the one most clicked per subscriber takes the remaining posts
subscription-capability-csv-exports = CSV exports of orders, posts, payouts and daily clicks from the statistics
subscription-pro-offer = <b>Pro</b> for one month: { $prices }
subscription-buy = Buy Pro · { $price }
subscription-extend = Add a month · { $price }
subscription-cancel = ✖️ Cancel renewal
subscription-cancel-confirm = Cancel the automatic renewal? Pro stays until the end of the paid period; after that extra channels are paused (never deleted).
subscription-cancel-yes = Yes, cancel renewal
subscription-cancel-no = ‹ Keep it
subscription-cancelled-text = ✅ Renewal cancelled. Nothing more will be charged.
subscription-cancel-nothing = There is no automatic renewal to cancel.
subscription-cancel-failed = ⚠️ The payment service did not accept the cancellation. Please try again in a minute.
subscription-method-unavailable = This payment method is not available.
subscription-invoice-title = LytSlot Pro — 1 month
subscription-invoice-description = Pro plan for 30 days: up to 10 channels and API keys. Renews monthly until you cancel.
subscription-pay-text = Pay { $price } with { $method ->
        [stars] Telegram Stars (renews every 30 days until you cancel)
        [stripe] a card via Stripe (renews monthly until you cancel)
       *[yookassa] YooKassa (one month; pay again to extend)
    }:
subscription-pay-button = 💳 Pay { $price }
subscription-buy-failed = ⚠️ The payment service is not answering right now. Nothing was charged; please try again in a minute.
subscription-precheckout-not-owner = Only the owner of this workspace can pay for its Pro plan.
subscription-precheckout-price = The price of Pro has changed. Open the plan screen again for a fresh invoice.
subscription-paid-unknown = ⚠️ This payment could not be matched to a workspace, so it has been refunded.
subscription-receipt =
    🧾 <b>Receipt: LytSlot Pro</b>
    Amount: { $amount }
    Method: { $method ->
        [stars] Telegram Stars
        [stripe] Stripe
       *[yookassa] YooKassa
    }
    Pro is active until { $until }.{ $resumed ->
        [0] {""}
       *[other] {" "}Paused channels resumed: { $resumed }.
    }
subscription-reminder = ⏳ Your Pro plan ends on { $until }. Pay for another month to keep your extra channels selling.
subscription-expired = Your Pro plan has ended; the workspace is on the Free plan now.
subscription-expired-paused =
    ⏸ Your Pro plan has ended; the workspace is on the Free plan now.
    Paused (not deleted): { $channels }. Ads already booked in them are still published as agreed; new bookings are closed until you renew Pro, which resumes them at once.
subscription-open = 💎 Open the plan

## api keys
apikeys-button = 🔑 API keys
apikeys-command = API keys for the partner API
apikeys-choose =
    🔑 <b>API keys</b>

    A key lets your own programs work with LytSlot through the partner API. Whose keys do you want to see?
apikeys-choose-workspace = 📢 For my channels
apikeys-choose-account = 🎯 For my advertiser account
apikeys-title-workspace = 🔑 <b>API keys of your channels</b>
apikeys-title-account = 🔑 <b>API keys of your advertiser account</b>
apikeys-none = No keys yet.
apikeys-line =
    • <b>{ $name }</b> · <code>lsk_live_{ $prefix }_…</code>
       created { $created } · { $used }
apikeys-line-revoked = • <s>{ $name }</s> · <code>lsk_live_{ $prefix }_…</code> · revoked { $revoked }
apikeys-used = last used { $at }
apikeys-never-used = never used
apikeys-limit = Active keys: { $used } of { $limit }.
apikeys-pro-required = 💎 API keys for your channels come with the <b>Pro</b> plan. While the workspace is on Free, its keys do not work.
apikeys-hint = A key is shown only once, when it is created. Revoke a key you no longer need or that may have leaked: it stops working with the next request.
apikeys-create-button = ➕ Create a key
apikeys-revoke-button = 🗑 Revoke «{ $name }»
apikeys-back = ‹ Back
apikeys-back-to-list = ‹ To my keys
apikeys-ask-name = Send a name for the new key (up to { $max } { $max ->
        [one] character
       *[other] characters
    }), for example «CRM» or «Reports script». /cancel to stop.
apikeys-name-invalid = The name must be 1 to { $max } characters on one line. Send another name.
apikeys-created =
    ✅ Key «{ $name }» is ready. Copy it now: <b>it will not be shown again.</b>

    <code>{ $key }</code>

    Send it with every request to the API:
    <code>Authorization: Bearer { $key }</code>

    Keep it secret. If it leaks, revoke it here and create a new one.
apikeys-forbidden = Only the owner of the workspace can manage its API keys.
apikeys-too-many = You already have { $limit } active { $limit ->
        [one] key
       *[other] keys
    }. Revoke one to create another.
apikeys-revoke-confirm = Revoke the key «{ $name }» (<code>lsk_live_{ $prefix }_…</code>)? Programs using it are refused from their next request. This cannot be undone.
apikeys-revoke-yes = Yes, revoke
apikeys-revoke-no = ‹ Keep it
apikeys-revoked = Key «{ $name }» revoked
apikeys-not-found = This key is no longer active.
webhooks-button = 🔔 Webhooks
webhooks-title-workspace = 🔔 <b>Webhooks of your channels</b>
webhooks-title-account = 🔔 <b>Webhooks of your advertiser account</b>
webhooks-none = No endpoints yet.
webhooks-line = { $n }. <code>{ $url }</code> · { $events ->
        [one] { $events } event
       *[other] { $events } events
    }
webhooks-line-disabled = { $n }. <s>{ $url }</s> · ⏸ switched off
webhooks-hint = Order events are POSTed to your endpoints, signed with the endpoint’s secret (<code>LytSlot-Signature</code>). The secret is shown only once; a new secret keeps the old one signing for 24 hours. Up to { $limit } { $limit ->
        [one] endpoint
       *[other] endpoints
    }.
webhooks-pro-required = 💎 Webhooks for your channels come with the <b>Pro</b> plan.
webhooks-forbidden = Only the owner of the workspace can manage its webhooks.
webhooks-add-button = ➕ Add an endpoint
webhooks-rotate-button = 🔄 New secret for { $n }
webhooks-enable-button = ▶️ Switch { $n } on
webhooks-delete-button = 🗑 Delete { $n }
webhooks-back-to-list = ‹ To my webhooks
webhooks-ask-url = Send the https:// address that should receive the order events. /cancel to stop.
webhooks-url-invalid = That is not an https:// address on a public host. Send another address.
webhooks-created =
    ✅ Endpoint <code>{ $url }</code> added; it receives every order event.

    Its signing secret — copy it now, <b>it will not be shown again</b>:
    <code>{ $secret }</code>
webhooks-rotated =
    🔄 New secret for <code>{ $url }</code> — copy it now, <b>it will not be shown again</b>:
    <code>{ $secret }</code>

    The previous secret keeps signing beside it for 24 hours.
webhooks-too-many = You already have { $limit } { $limit ->
        [one] endpoint
       *[other] endpoints
    }. Delete one to add another.
webhooks-delete-confirm = Delete the endpoint <code>{ $url }</code>? Nothing more is sent to it and its delivery history is deleted.
webhooks-delete-yes = Yes, delete
webhooks-delete-no = ‹ Keep it
webhooks-deleted = Endpoint deleted
webhooks-enabled = Endpoint switched on
webhooks-not-found = This endpoint no longer exists.
webhooks-disabled-notice = ⏸ Your webhook endpoint <code>{ $url }</code> was switched off: { $failures } deliveries in a row failed for 24 hours. Fix it, then switch it on again.
webhooks-open-button = 🔔 Webhooks

## disputes
disputes-button-open = ⚖️ Open a dispute
disputes-ask-reason = ⚖️ What went wrong with this order? Describe the problem in one message (up to { $max } { $max ->
        [one] character
       *[other] characters
    }). An admin of the platform will look into it. /cancel to stop.
disputes-reason-invalid = Please describe the problem as one text message of 1 to { $max } { $max ->
        [one] character
       *[other] characters
    }.
disputes-ask-evidence = Now send one message as evidence: a screenshot, a photo, a document or a text. It is shown to the admin as it is.
disputes-opened = ✅ Your dispute is open. An admin will decide on it; you will get a message with the outcome.
disputes-not-found = This order was not found among yours.
disputes-not-disputable = A dispute can be opened while the order is scheduled or published, or within { $days } { $days ->
        [one] day
       *[other] days
    } after it was completed.
disputes-window-closed = The { $days }-day period for disputes on this order has ended.
disputes-already-open = A dispute on this order is already open; the admin will decide on it.
disputes-opened-owner = ⚖️ The advertiser opened a dispute on order { $order }. Settlement of the order waits until an admin of the platform decides on it.
disputes-opened-advertiser = ⚖️ The channel owner opened a dispute on order { $order }. An admin of the platform will decide on it.
disputes-resolved-full-refund-advertiser =
    ⚖️ Dispute on order { $order } decided: full refund of { $amount }.
    Admin's note: { $note }
disputes-resolved-full-refund-owner =
    ⚖️ Dispute on order { $order } decided: the advertiser gets a full refund of { $amount }.
    Admin's note: { $note }
disputes-resolved-partial-refund-advertiser =
    ⚖️ Dispute on order { $order } decided: partial refund of { $amount }. (A part of a Stars payment is credited to your balance on the platform.)
    Admin's note: { $note }
disputes-resolved-partial-refund-owner =
    ⚖️ Dispute on order { $order } decided: the advertiser gets { $amount } back; the rest of the order is settled as usual.
    Admin's note: { $note }
disputes-resolved-no-refund-advertiser =
    ⚖️ Dispute on order { $order } decided: no refund.
    Admin's note: { $note }
disputes-resolved-no-refund-owner =
    ⚖️ Dispute on order { $order } decided: no refund; the order is settled as usual.
    Admin's note: { $note }
disputes-admin-gone = Dispute { $id } no longer exists.
disputes-admin-card =
    ⚖️ <b>Dispute { $id }</b>
    Opened by the { $role ->
        [owner] channel owner
       *[advertiser] advertiser
    }: { $opener }, { $opened }
    Order: <code>{ $order }</code> ({ $status })
    Channels: { $channels }
    Order total: { $total }
    Paid: { $paid } via { $provider }; settled: { $settled ->
        [yes] yes
       *[no] no
    }
    Still refundable: { $refundable }
disputes-admin-reason = <b>Reason:</b> { $reason }
disputes-admin-evidence-below = 📎 The evidence message is below this card.
disputes-admin-button-full = 💸 Full refund
disputes-admin-button-part = ✂️ Partial refund
disputes-admin-button-none = 🚫 No refund
disputes-admin-ask-amount = ✂️ Reply with the amount to refund (up to { $max }; e.g. 150 or 150.50; Stars in whole stars), optionally followed by a note for both parties.
disputes-admin-ask-note = Reply with a note for both parties about this decision ({ $decision ->
        [full_refund] full refund
       *[no_refund] no refund
    }).
disputes-admin-already = This dispute is already decided.
disputes-admin-amount-invalid = That is not an amount: reply to the card's button again with a number like 150 or 150.50 (Stars: whole stars).
disputes-admin-amount-too-large = Too much: at most { $max } can still be refunded. Press the button again.
disputes-admin-nothing = Nothing is left to refund on this order.
disputes-admin-refund-failed = The payment provider refused the refund; the dispute stays open. Try again later.
disputes-admin-not-yet = A partial refund is decided once the ad's lifetime is over (the order is settled first). Until then: full refund or no refund.
disputes-admin-refunded = 💸 Refunded by this decision: { $amount }
disputes-admin-done = Done: { $decision ->
        [full_refund] full refund
        [partial_refund] partial refund
       *[no_refund] no refund
    }, { $amount }.

## admin-ops (admin chat: blocks, look-ups, audit view, platform stats; notices about blocks)
admin-ops-order-cancelled-paid = ⛔ Your order { $order } in «{ $channel }» was cancelled: LytSlot blocked the channel ({ $reason }). Your payment is refunded in full.
admin-ops-order-cancelled-unpaid = ⛔ Your unpaid order { $order } in «{ $channel }» was cancelled and its slots released: LytSlot blocked the channel ({ $reason }).
admin-ops-channel-blocked-owner = ⛔ LytSlot blocked your channel «{ $channel }»: { $reason }. It left the catalog; { $count } upcoming { $count ->
        [one] order was
       *[other] orders were
    } cancelled and their advertisers refunded. Write to support from /help if you think this is a mistake.
admin-ops-channel-unblocked-owner = ✅ LytSlot lifted the block on «{ $channel }». It is on sale again.
admin-ops-account-blocked = ⛔ Your account is blocked on LytSlot: { $reason }. You cannot book ads or add channels; write to support if you think this is a mistake.
admin-ops-account-unblocked = ✅ Your LytSlot account is unblocked. Welcome back!
admin-ops-order-refunded-by-admin = 💸 LytSlot refunds your order { $order } in full: { $reason }.
admin-ops-booking-blocked = ⛔ Your account is blocked and cannot book ads: { $reason }
admin-ops-ref-bad = I can't read «{ $ref }». Use an id, a short id, a Telegram id or an @username.
admin-ops-ref-not-found = Nothing found for «{ $ref }».
admin-ops-ref-ambiguous = «{ $ref }» matches several objects: give more of the id.
admin-ops-target-gone = That object no longer exists.
admin-ops-already-blocked = It is already blocked.
admin-ops-not-blocked = It is not blocked.
admin-ops-reason-invalid = The reason must be 3–500 characters. Reply to the prompt again.
admin-ops-block-usage =
    Usage:
    <code>/block channel @username reason</code>
    <code>/block user 123456789 reason</code>
admin-ops-unblock-usage =
    Usage:
    <code>/unblock channel @username</code>
    <code>/unblock user 123456789</code>
admin-ops-channel-blocked = ⛔ Channel <b>{ $channel }</b> blocked: { $reason }
    Orders cancelled: { $cancelled } · refunded: { $refunded } · refund pending (retried automatically): { $pending }
admin-ops-user-blocked = ⛔ User <code>{ $user }</code> blocked: { $reason }
admin-ops-channel-unblocked = ✅ Channel <b>{ $channel }</b> unblocked: it is on sale again.
admin-ops-user-unblocked = ✅ User <code>{ $user }</code> unblocked.
admin-ops-order-usage = Usage: <code>/order 1a2b3c4d</code> (id or short id)
admin-ops-channel-usage = Usage: <code>/channel @username</code> (or chat id, or id)
admin-ops-user-usage = Usage: <code>/user 123456789</code> (Telegram id, @username or id)
admin-ops-plan = { $plan ->
        [pro] Pro
       *[free] Free
    }
admin-ops-provider = { $provider ->
        [stars] Telegram Stars
        [stripe] Stripe
        [yookassa] YooKassa
       *[balance] balance
    }
admin-ops-payment-status = { $status ->
        [pending] pending
        [succeeded] paid
        [failed] failed
        [cancelled] cancelled
        [refunded] refunded
       *[partially_refunded] partly refunded
    }
admin-ops-order-payment = • { $provider }: { $status }, { $amount } (refunded { $refunded })
admin-ops-order-card =
    🧾 <b>Order</b> <code>{ $id }</code>
    Status: <b>{ $status }</b>{ $reason ->
        [none] {""}
       *[other] {" "}({ $reason })
    }
    Total: { $total } · refunded: { $refunded }
    Slots: { $items } in { $channels }
    Advertiser: { $advertiser }
    Owner: { $owner }
    Created: { $created } · paid: { $paid }
    Payments:
    { $payments }
    Disputes: { $disputes }
admin-ops-channel-card =
    📢 <b>{ $title }</b> { $username }
    Id: <code>{ $id }</code> · chat <code>{ $chatId }</code>
    Status: <b>{ $status }</b>
    Subscribers: { $subscribers } · plan { $plan }
    Owner: { $owner }
    Orders sold: { $sold } · upcoming: { $upcoming } · with refunds: { $refunded }
    Published: { $published } · violations: { $violations }
    Sales: { $sales }
    Added: { $created }
admin-ops-user-card =
    👤 { $person }
    Id: <code>{ $id }</code> · language { $language } · since { $created }
    { $blocked }
    Workspaces: { $workspaces } · channels: { $channels }
    Orders: { $orders } (paid { $sold }) · spent: { $spent }
    Disputes opened: { $disputes }
admin-ops-user-blocked-line = ⛔ Blocked since { $at }: { $reason }
admin-ops-user-not-blocked = Not blocked.
admin-ops-button-audit = 📜 Audit
admin-ops-button-refund = 💸 Refund
admin-ops-button-block = ⛔ Block
admin-ops-button-unblock = ✅ Unblock
admin-ops-button-newer = ◀️ Newer
admin-ops-button-older = Older ▶️
admin-ops-audit-header = 📜 <b>Audit: { $kind }</b> <code>{ $id }</code> — { $total } { $total ->
        [one] row
       *[other] rows
    }, page { $page }/{ $pages }
admin-ops-audit-empty = No audit rows yet.
admin-ops-audit-usage = Usage: <code>/audit order|channel|user|payout|dispute id</code>
admin-ops-prompt-block-channel = ⛔ Why block channel { $id }? Reply to this message with the reason (3–500 characters).
admin-ops-prompt-block-user = ⛔ Why block user { $id }? Reply to this message with the reason (3–500 characters).
admin-ops-prompt-refund = 💸 Why refund order { $id } in full? Reply to this message with the reason (3–500 characters).
admin-ops-reason-placeholder = Reason
admin-ops-refund-done = 💸 Order { $order } refunded in full.
admin-ops-refund-pending = ⏳ The provider did not confirm the refund of order { $order } yet; it is retried automatically.
admin-ops-refund-nothing = Nothing left to refund on this order.
admin-ops-refund-publishing = The ad is being published right now; try again in a few minutes.
admin-ops-refund-running = The ad is live or under dispute and not settled yet: a full refund would also return what was delivered. Decide it as a dispute (partial or full refund), or wait until the order is completed.
admin-ops-stats-usage = Usage: <code>/stats day|week|month</code>
admin-ops-stats-no-data = no data
admin-ops-stats-period-day = day
admin-ops-stats-period-week = week
admin-ops-stats-period-month = month
admin-ops-stats-chart-gmv = GMV by { $period }
admin-ops-stats-chart-revenue = Platform revenue by { $period }
admin-ops-stats-charts-unavailable = ⚠️ Charts are unavailable right now (the chart service did not answer).
admin-ops-stats-top-channel = { $n }. { $title }{ $username } — { $orders } { $orders ->
        [one] order
       *[other] orders
    }, { $sales }
admin-ops-stats-top-advertiser = { $n }. { $name }{ $username } (<code>{ $telegramId }</code>) — { $orders } { $orders ->
        [one] order
       *[other] orders
    }, { $spent }
admin-ops-stats-summary =
    📊 <b>Platform stats</b> by { $period } ({ $buckets } { $buckets ->
        [one] bucket
       *[other] buckets
    }, { $from } … { $to } UTC)
    GMV (paid orders): { $gmv }
    Platform revenue (fees and subscriptions): { $revenue }
    Refunds: { $refunds }
    Paid orders: { $paidOrders } · with refunds: { $refundedOrders } ({ $orderRate } %)
    Active channels: { $activeChannels } · active advertisers: { $activeAdvertisers }

    <b>Top channels</b>
    { $topChannels }

    <b>Top advertisers</b>
    { $topAdvertisers }

## pay-core (payment methods, external payments, receipts, /paysupport)
checkout-method-stars = ⭐ Telegram Stars — { $amount }
checkout-method-stripe = 💳 Card (Stripe) — { $amount }
checkout-method-yookassa = 💳 YooKassa (cards, SBP) — { $amount }
checkout-choose-method = Choose how to pay. The slots stay held while you pay; the money is kept in escrow until the ad runs.
checkout-error-method = this payment method is not available for an order in this currency.
checkout-external-unavailable = ⚠️ The payment service did not answer. Try again in a minute, or pay with Telegram Stars.
checkout-external-button = 💳 Pay { $amount }
checkout-external-link =
    🔗 Pay <b>{ $amount }</b> for { $channels } with { $method ->
        [stripe] a card (Stripe)
       *[other] YooKassa
    } — tap the button below.
    Your slots stay held while the payment is being confirmed. You will get a receipt here.
checkout-payment-failed-held = ⚠️ The payment for order { $order } was cancelled. Your slots are still held for a few minutes: open 🧾 My orders to pay again.
checkout-payment-failed-expired = ⚠️ The payment for order { $order } was cancelled or expired, and the hold on its slots ran out. The slots were released; please book again.
receipt-payment =
    🧾 <b>Receipt</b> — order { $order }
    Channels: { $channels }
    Paid: <b>{ $amount }</b> with { $method ->
        [stars] Telegram Stars
        [stripe] a card (Stripe)
       *[other] YooKassa
    }
    Split after the ad is delivered: 80 % to the channel owner, platform fee { $fee } (20 %). Until then the money is held in escrow.
    Date: { $date }
    Payment: <code>{ $payment }</code>
receipt-refund =
    🧾 <b>Refund receipt</b> — order { $order }
    Refunded: <b>{ $amount }</b> to your { $method ->
        [stars] Telegram Stars balance
        [stripe] card (Stripe)
       *[other] payment method (YooKassa)
    }
    Date: { $date }
    Payment: <code>{ $payment }</code>
receipt-refund-credit =
    🧾 <b>Refund receipt</b> — order { $order }
    <b>{ $amount }</b> credited to your balance with us (Telegram Stars cannot be refunded in part).
    Date: { $date }
    Payment: <code>{ $payment }</code>
paysupport-command = Payments and refunds
paysupport-text =
    💳 <b>Payments and refunds</b>

    You pay with Telegram Stars, a card (Stripe, for USD/EUR channels) or YooKassa (for RUB channels). The money is held in escrow and reaches the channel owner only after the ad has run as booked.

    • Cancel before the owner approves — full refund.
    • The owner rejects the order, does not answer in time, or the ad is not published — full refund.
    • The ad is deleted early or the channel breaks the format — the broken part is refunded pro rata.
    • Telegram Stars can only be refunded in full: a partial refund of a Stars payment is credited to your balance with us.

    Every payment and refund comes with a receipt in this chat. Questions about a payment? Write to us with /support and mention the order number from the receipt.
receipt-refund-pending = ⏳ The refund for order { $order } was not confirmed by { $method ->
        [stripe] Stripe
       *[other] YooKassa
    } yet. We retry automatically until the money is back; you will get a refund receipt here.

receipt-refund-failed =
    ⚠️ <b>Card refund failed</b> — order { $order }
    { $method ->
        [stripe] Stripe
       *[other] YooKassa
    } could not return <b>{ $amount }</b> to your card (reason: { $reason }). The money is safe: it has been added to your balance with us and pays your next orders. Want it back some other way? Write to /support with the order number.
    Date: { $date }
    Payment: <code>{ $payment }</code>

## refunds made outside the app (Stripe dashboard, YooKassa cabinet; docs/payments.md)
refund-outside-cancelled-advertiser =
    ↩️ Order { $order } in { $channels } is cancelled: its payment of <b>{ $amount }</b> was refunded in full through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    }. Nothing will be published.
refund-outside-cancelled-owner =
    ↩️ Order { $order } in { $channels } is cancelled: the advertiser's payment was refunded in full through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    }. Nothing will be published, and its slots are free again.
refund-outside-stopped-advertiser =
    ↩️ Your payment of <b>{ $amount }</b> for order { $order } in { $channels } was refunded in full through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    }. Its posts not yet published are cancelled; those already out stay until their planned removal.
refund-outside-stopped-owner =
    ↩️ The payment for order { $order } in { $channels } was refunded in full to the advertiser through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    }. Its posts not yet published are cancelled and their slots freed; the order earns nothing, so the posts already out are not paid for. Questions: /support.
refund-outside-settled-owner =
    ↩️ <b>{ $amount }</b> of order { $order } in { $channels } was refunded to the advertiser through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    } after the order was settled. Your share of it is taken back from your balance (if it was paid out already, your next earnings cover it first). Questions: /support.
refund-outside-partial-owner =
    ↩️ <b>{ $amount }</b> of the payment for order { $order } in { $channels } was refunded to the advertiser through { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] YooKassa
    }. The order goes on; your earnings from it are worked out from what is left.

## balance & payouts (owner balance screen, payout requests, payout receipts, admin payout card)
balance-menu-button = 💰 Balance & payouts
balance-command = Balance, earnings and payouts
balance-title = 💰 <b>Balance & payouts</b>
balance-empty = No earnings yet. Money from your orders shows up here once they are paid; it becomes available when the ad has run its course.
balance-currency = <b>{ $currency }</b>
balance-available = Available to withdraw: <b>{ $amount }</b>
balance-pending = Pending (paid orders not yet completed): { $amount }
balance-paying-out = Being paid out: { $amount }
balance-receivable = ⚠️ You owe: { $amount } — an order was refunded after its money was paid out to you. Your next earnings cover this first.
balance-earned-title = Earned by month (UTC):
balance-earned-line = • { $month }: { $amount }
balance-minimum = Minimum payout: { $amount }
balance-open-request = ⏳ A payout request in this currency is already being processed. You can request the next one when it is done.
balance-history-empty = No payouts yet.
balance-history-title = <b>Payouts</b>
balance-history-line = • { $date } — { $amount } — { $status ->
    [requested] waiting for approval
    [approved] approved, transfer on its way
    [paid] paid ✅
    [rejected] rejected ❌
   *[other] cancelled
  }
balance-button-request = 💸 Request payout ({ $currency })
balance-button-refresh = 🔄 Refresh
balance-button-back = 💰 Balance & payouts
balance-forbidden = Only the owner of the workspace can see its balance and request payouts.
balance-nothing-to-request = There is not enough available in this currency for a payout yet.
balance-ask-amount = How much do you want to withdraw? Available: <b>{ $available }</b>, minimum: { $minimum }.
    Send the amount (for example 1500 or 1500.50), or press the button to withdraw everything.
balance-button-all = All ({ $amount })
balance-amount-invalid = That is not an amount. Send a number such as 1500 or 1500.50 (Stars: whole numbers).
balance-amount-below-minimum = The minimum payout is { $minimum }. Send a larger amount.
balance-amount-too-large = You can withdraw at most { $available }. Send a smaller amount.
balance-method = { $method ->
    [card] 💳 Bank card
    [bank] 🏦 Bank transfer
    [crypto] 🪙 Crypto (USDT)
   *[other] ✍️ Other
  }
balance-ask-method = Where should we send the money?
balance-stars-note = ⭐ Stars earnings are paid out by the platform team by hand too, in money to the account you give, at the rate of the day of the transfer.
balance-method-buttons = Please choose one of the buttons above.
balance-ask-details = Send your payout details for { balance-method } in one message ({ $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }): card number, IBAN and bank, wallet address and network, or whatever the team needs for the transfer.
balance-details-invalid = Payout details must be one text message of { $min }–{ $max } { $max ->
        [one] character
       *[other] characters
    }. Please send them again.
balance-confirm = Please check your request:
    Amount: <b>{ $amount }</b>
    Method: { balance-method }
    Details: <code>{ $details }</code>
    The platform team checks the request and makes the transfer by hand; you get a receipt when it is paid.
balance-button-confirm = ✅ Request payout
balance-button-drop = ✖️ Cancel
balance-dropped = Nothing was requested.
balance-requested = ✅ Payout request for <b>{ $amount }</b> sent. The platform team will review it; you will get a message when the money is on its way.
balance-payout-approved = ✅ Your payout of <b>{ $amount }</b> was approved. The transfer to { $destination } is on its way.
balance-payout-rejected = ❌ Your payout request for <b>{ $amount }</b> was rejected: { $reason }
    The money is available again in 💰 Balance & payouts.
balance-payout-receipt = 🧾 <b>Payout receipt</b>
    Amount: <b>{ $amount }</b>
    Fee: { $fee }
    Method: { balance-method }
    To: { $destination }
    Date: { $date }
balance-admin-gone = Payout { $id } no longer exists.
balance-admin-card = 💸 <b>Payout request</b> <code>{ $id }</code>
    Workspace: { $workspace }
    Owner: { $owner }
    Amount: <b>{ $amount }</b>
    Method: { balance-method }
    Details: <code>{ $details }</code>
    Available now: { $available }
    Requested: { $requested }{ $stars ->
        [yes] {""}
            ⭐ Stars earnings: transfer the money equivalent by hand.
       *[no] {""}
    }
balance-admin-approved-line = ✅ Approved by { $admin }, { $time }. Make the transfer, then press «Mark paid».
balance-admin-button-approve = ✅ Approve
balance-admin-button-reject = ❌ Reject
balance-admin-button-paid = 💸 Mark paid
balance-admin-already = This payout was already decided.
balance-admin-insufficient = Not enough available: the owner has { $available } now. Reject the request or wait.
balance-admin-ask-reason = Why is the payout of { $amount } rejected? Reply to this message; the owner will see it.
balance-admin-approved = Approved. Make the transfer, then press «Mark paid».
balance-admin-paid = Marked paid; the owner got a receipt.
balance-admin-rejected = Rejected; the owner was told why.

## admin-core (admin chat: guard, moderation cards, reasons, /moderation, /adminlang)
admin-refused = ⛔ Only LytSlot admins can do this here. The attempt has been logged.
admin-card-closed = This card has already been decided.
admin-card-gone = ⚠️ The object of this card is gone (<code>{ $id }</code>).
admin-card-gone-short = The object of this card is gone.
admin-card-moot = This no longer waits for a decision (it ended another way): the card is closed.
admin-card-moot-state = Now: { $state ->
    [gone] it no longer exists
    [cancelled] cancelled
    [rejected] rejected
    [refunded] refunded
    [expired] expired
    [failed] failed
    [active] active
    [paused] paused
    [blocked] blocked
    [resolved] resolved
    [paid] paid
    [published] published
   *[other] { $state }
}
admin-card-decided = { $mark } <b>{ $decision }</b> — { $admin }, { $time } UTC
admin-card-reason = Reason: { $reason }
admin-decision = { $decision ->
    [approved] Approved
    [rejected] Rejected
    [published] Marked as published
    [not_published] Not published
    [paid] Paid
    [full_refund] Full refund
    [partial_refund] Partial refund
    [no_refund] No refund
    [cancelled] Closed: the order was cancelled
    [blocked] Blocked
    [moot] Closed: no longer waits for a decision
    [recorded] Recorded by reconciliation
    [refunded] Refunded by reconciliation
    [refund_pending] Recorded; the refund is being retried
   *[other] { $decision }
}
admin-done = Done.
admin-reason-asked = Reply to the bot's message with the reason.
admin-reason-placeholder = Reason
admin-reason-invalid = Please reply with a text of up to { $max } { $max ->
        [one] character
       *[other] characters
    }.
admin-ask-reason = ✍️ Reply to this message with the reason for rejecting it (the owner will see it).
admin-ask-reason-advertiser = ✍️ Reply to this message with the reason for rejecting the post (the advertiser will see it; the order is refunded in full).
admin-button-approve = ✅ Approve
admin-button-reject = ❌ Reject
admin-button-published = 📣 It was published
admin-button-not-published = 🚫 Not published — refund
admin-channel-card =
    🆕 <b>New channel waiting for approval</b>
    { $title } ({ $username }), id <code>{ $chatId }</code>
    Subscribers: { $subscribers }
    Category: { $category } · language: { $language }
    Owner: { $owner } { $ownerUsername } (id <code>{ $ownerId }</code>)
admin-creative-card =
    🎨 <b>Post waiting for moderation</b> — order <code>{ $order }</code>
    Advertiser: { $advertiser } (id <code>{ $advertiserId }</code>)
    Variants: { $variants } (previews below)
admin-creative-reason = { $reason ->
    [first_time] • First order of this advertiser
    [flagged] • The content check flagged the post
   *[other] • { $reason }
}
admin-creative-flag = ⚠️ Variant { $variant }: { $source } / { $code } — { $detail }
admin-placement-card =
    ❓ <b>Publication not confirmed</b> — order <code>{ $order }</code>
    Channel: { $channel } ({ $username })
    Slot: { $due } · format { $format }
    Send attempt started: { $attempt }
    Last error: { $error }
    The bot may have posted the ad and crashed before recording it. Check the channel.
admin-placement-ask-link = ✍️ Reply with the link to the post in the channel (t.me/…/123) or its message id.
admin-placement-bad-link = That is not a post link or a message id.
admin-stars-charge-card =
    ⭐ <b>A Stars payment the bot never heard of</b>
    Telegram's transactions list it, but its payment update was never handled.
    Charge: <code>{ $charge }</code>
    Payer: { $payer }
    Amount: { $amount } · paid { $paid }
    For: { $target }
admin-stars-charge-target = { $kind ->
    [order] order <code>{ $id }</code>
    [subscription] Pro of workspace <code>{ $id }</code>
   *[other] nothing of ours (payload <code>{ $payload }</code>)
}
admin-parked-card =
    🧯 <b>An update could not be handled</b> — update <code>{ $update }</code>
    Kind: { $kind } · chat <code>{ $chat }</code>
    Received: { $received } · attempts: { $attempts }
    Last error: { $error }
    Retry it once the cause is fixed, or dismiss it.
admin-button-retry = 🔁 Retry
admin-button-dismiss = 🗑 Dismiss
admin-parked-retried = Queued again: the bot takes it within a minute.
admin-moderation-usage = Usage: /moderation on | off
admin-moderation-on = 🛡 Pre-moderation is <b>on</b>: new channels and posts of first-time or flagged advertisers wait for an admin.
admin-moderation-off = 🛡 Pre-moderation is <b>off</b>: new channels are listed at once and paid posts go straight to the owners.
admin-language-usage = Usage: /adminlang ru | en
admin-language-set = The admin chat now speaks English.
admin-channel-pending = 🕓 Your channel «{ $channel }» is waiting for a LytSlot moderator. It will appear in the catalog after approval; meanwhile you can set it up.
admin-channel-approved = ✅ Your channel «{ $channel }» has been approved and is now listed in the catalog.
admin-channel-approved-plan = ✅ Your channel «{ $channel }» has been approved. It is paused for now: your plan's channel limit is reached. Renew Pro and it is listed at once.
admin-channel-rejected = ❌ Your channel «{ $channel }» was not approved. Reason: { $reason }
admin-creative-pending = 🕓 Payment received. Your post is being checked by a LytSlot moderator; after that it goes to the channel owner. We will let you know.
admin-creative-rejected = ❌ A LytSlot moderator rejected your post for «{ $channel }». Reason: { $reason }. The payment is refunded in full.

## advertiser balance
adv-balance-button = 💰 My balance
adv-balance-title = 💰 <b>My balance</b>
adv-balance-empty = There is no credit on your balance yet. Credit appears here when part of a payment comes back to you as balance (for example, when an ad ran shorter than booked).
adv-balance-available = Available: <b>{ $amount }</b>
adv-balance-movements = <b>Latest movements</b>
adv-balance-movement = { $date } · { $kind ->
        [paid] −{ $amount }, paid order #{ $order }
       *[other] +{ $amount }, credit for order #{ $order }
    }
adv-balance-how = You can pay an order from this balance at checkout when it covers the whole order: credit in the order's currency, or Stars credit covering its price in Stars. Partial payment from balance is not possible.
checkout-method-balance = 💰 Pay from balance — { $amount }
checkout-balance-insufficient = ⚠️ Your balance does not cover the whole order, so it cannot be paid from the balance. Nothing was charged; choose another payment method.
checkout-balance-paid = ✅ Order { $order } is paid from your balance: <b>{ $amount }</b>. A receipt follows.
receipt-payment-balance =
    🧾 <b>Receipt</b> — order { $order }
    Channels: { $channels }
    Paid: <b>{ $amount }</b> from your balance with us
    Split after the ad is delivered: 80 % to the channel owner, platform fee { $fee } (20 %). Until then the money is held in escrow.
    Date: { $date }
    Payment: <code>{ $payment }</code>
receipt-refund-balance =
    🧾 <b>Refund receipt</b> — order { $order }
    <b>{ $amount }</b> returned to your balance with us (the order was paid from it).
    Date: { $date }
    Payment: <code>{ $payment }</code>

## analytics (the owner dashboard: «📊 Statistics», /analytics)
analytics-command = Statistics of my channels
analytics-menu-button = 📊 Statistics
analytics-no-workspace = Statistics are for channel owners: add a channel first (/start → «I own channels»).
analytics-unknown-channel = This channel is not one of yours.
analytics-title = 📊 <b>Statistics</b> — { $scope } · last { $days ->
        [one] day
       *[other] { $days } days
    }
analytics-scope-all = all channels
analytics-revenue = 💰 <b>Revenue</b> (settled): { $lines }
analytics-revenue-line = gross { $gross }, net { $net }
analytics-revenue-none = 💰 <b>Revenue</b>: nothing settled in this period
analytics-fill = 📅 <b>Fill rate</b>: { $percent }% (slots sold: { $sold } of { $offered })
analytics-prices-title = 🏷 <b>Average price per format</b>
analytics-price-line = { $format }: { $price } (sold: { $sold })
analytics-prices-none = 🏷 <b>Average price</b>: nothing sold in this period
analytics-advertisers-title = 👥 <b>Top advertisers</b>
analytics-advertiser-line = { $n }. { $name } — { $spent } (orders: { $orders })
analytics-activity = 🔗 <b>Clicks and joins</b>: clicks { $clicks } (unique { $unique }) · joined { $joins } · left { $leaves }
analytics-placement-line = • { $channel }, { $when }: clicks { $clicks } (unique { $unique }) · joined { $joins } (left within 24 h: { $leftDay }) · reactions { $reactions }
analytics-placement-not-out = not out yet
analytics-growth-title = 📈 <b>Channel growth</b> (subscribers)
analytics-growth-line = { $title }: { $from } → { $to } ({ $change })
analytics-growth-none = 📈 <b>Channel growth</b>: not measured yet (the bot counts subscribers once a day)
analytics-chart-title = Clicks and joins by day
analytics-button-period = { $days } { $days ->
        [one] day
       *[other] days
    }
analytics-button-all = All channels
analytics-button-chart = 📈 Chart
analytics-csv-button-pro = ⬇️ CSV exports (Pro)
analytics-csv-button-orders = ⬇️ Orders
analytics-csv-button-placements = ⬇️ Posts
analytics-csv-button-payouts = ⬇️ Payouts
analytics-csv-button-daily = ⬇️ Daily
analytics-csv-pro-required = 💎 CSV exports of your statistics come with the Pro plan: see /plan.
analytics-csv-name-orders = Orders
analytics-csv-name-placements = Posts and their clicks, joins and reactions
analytics-csv-name-payouts = Payouts
analytics-csv-name-daily = Clicks and joins per channel and day
analytics-csv-scope-workspace = the whole workspace
analytics-csv-caption = ⬇️ <b>{ $name }</b> — { $scope } · last { $days ->
        [one] day
       *[other] { $days } days
    }
analytics-csv-period = { $from } – { $to }
analytics-csv-rows = Rows: { $rows }
analytics-csv-empty = No rows in this period: the file has only the header.

## views (the owner reports a post's views: vw:report; the advertiser's screenshot: vw:show)
views-ask = 👁 How many views does the ad post in <b>{ $channel }</b> ({ $when }) show now? Send the number from under the post.
views-invalid = Send the number of views in digits, e.g. 1250.
views-too-many = No post has that many views. Send the number from under the post.
views-ask-screenshot = 📷 Send a screenshot of the post with its view counter: the advertiser sees it as evidence. Or go on without one.
views-skip = ⏭ No screenshot
views-screenshot-only = Send the screenshot as a photo, or press «⏭ No screenshot».
views-saved = ✅ Saved: views { $views }, CTR { $ctr }{ $evidence ->
        [yes] , with the screenshot
       *[no] {""}
    }. The advertiser sees them in their report.
views-not-found = You can't report views of this post: it has not gone out, or it is not in your channels.
views-no-screenshot = The owner sent no screenshot of these views.
views-screenshot-caption = 👁 The owner's screenshot: views { $views }.
notify-button-report-views = 👁 Report the post's views
orders-report-views = 👁 Views { $views } (reported by the owner) · CTR { $ctr }
orders-report-ctr = 👁 Where the owner reported views: CTR { $ctr } (clicks { $clicks }, views { $views })
orders-button-views-proof = 🖼 Views screenshot — { $channel }
