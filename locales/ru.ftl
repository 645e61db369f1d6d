# LytSlot Pro — русский. Ключи `<feature>-<message>`; каждый ключ есть и в en.ftl.
# Сообщения отправляются с parse_mode HTML: литеральные символы пишите как &amp; &lt; &gt;.

## /start и меню ролей
start-welcome =
    👋 Привет, { $name }! Это <b>LytSlot</b> — биржа рекламы в Telegram-каналах.

    Владельцы каналов продают рекламные слоты, рекламодатели бронируют и оплачивают их, а бот сам публикует каждую рекламу вовремя и проверяет, что она провисела как обещано.

    Кто вы здесь?
start-role-owner = 📢 У меня есть каналы
start-role-advertiser = 🎯 Я рекламодатель
start-role-help = ❓ Помощь
start-back = ‹ Назад
start-owner-text =
    📢 <b>Владельцам каналов</b>

    • Добавьте канал: сделайте бота администратором с правом публикации — он проверит ваши права.
    • Настройте расписание, форматы (например, 1/24: час в топе, сутки в ленте) и цены.
    • Одобряйте заказы — бот сам опубликует рекламу в забронированное время и проследит, чтобы она провисела сколько положено.
    • Вы получаете 80 % каждого заказа, когда реклама провисела как обещано: смотрите «Баланс и выплаты» и запрашивайте выплату там.

    Начните с кнопки «Добавить канал» ниже.

## /help и обращение в поддержку
help-text =
    ❓ <b>Помощь LytSlot</b>

    LytSlot — биржа рекламы в Telegram-каналах: владельцы продают слоты, рекламодатели бронируют и платят, бот публикует и проверяет каждое размещение.

    <b>Команды</b>
    { $commands }

    Есть вопрос? Нажмите «Написать в поддержку» и отправьте одно сообщение.
help-ask-support = ✉️ Написать в поддержку
help-back = ‹ Назад
support-ask =
    ✉️ Напишите ваш вопрос одним сообщением (только текст, до { $max } { $max ->
        [one] символа
       *[other] символов
    }).

    Чтобы отменить, отправьте /cancel.
support-text-only = Пожалуйста, отправьте вопрос текстом. Стикеры, фото и файлы в поддержку не передаются. /cancel — отменить.
support-too-long = В сообщении { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }, а можно не больше { $max }. Сократите его и отправьте ещё раз.
support-sent = ✅ Ваше сообщение отправлено в поддержку. Мы ответим вам здесь.
support-failed = Не удалось передать сообщение в поддержку. Попробуйте позже.
support-not-configured = Поддержка в этом боте пока не настроена. Попробуйте позже.
support-already-open = Мы уже ждём ваше сообщение для поддержки. Напишите его ниже или отправьте /cancel.
support-admin-message =
    📨 <b>Обращение в поддержку</b>
    От: { $name } { $username } (id <code>{ $id }</code>, язык { $language })

    { $text }

## /cancel
cancel-done = Отменено. Меню — /start.
cancel-nothing = Отменять нечего.

## /language
language-prompt = 🌐 Выберите язык:
language-changed = ✅ Язык: русский.
language-button-ru = 🇷🇺 Русский
language-button-en = 🇬🇧 English

## Всё остальное
fallback-hint = Я не понял сообщение. Воспользуйтесь меню или /help.
ratelimit-notice = ⏳ Слишком много сообщений. Подождите минуту и попробуйте снова.
error-generic = ⚠️ У нас что-то пошло не так. Попробуйте ещё раз чуть позже.
menu-outdated = Это меню изменилось — вот актуальное.
account-blocked = Ваш аккаунт в LytSlot заблокирован. Если это ошибка, напишите в поддержку.

## Описания команд (setMyCommands)
commands-start = Главное меню
commands-orders = Мои заказы (для рекламодателей)
commands-help = Помощь и поддержка
commands-language = Сменить язык
commands-cancel = Отменить текущее действие
commands-admin-order = Найти заказ (id или короткий id)
commands-admin-channel = Найти канал (@username или id)
commands-admin-user = Найти пользователя (Telegram id или @username)
commands-admin-audit = Журнал аудита заказа, канала, пользователя, выплаты или спора
commands-admin-block = Заблокировать канал или пользователя
commands-admin-unblock = Снять блокировку
commands-admin-stats = Статистика платформы по дням, неделям или месяцам
commands-admin-moderation = Включить или выключить премодерацию
commands-admin-adminlang = Язык чата администраторов (ru или en)
help-admin-title = <b>Чат администраторов</b>

## Selling settings (sell:*)
selling-summary =
    ⚙️ <b>Настройки продаж — { $title }</b>

    🌍 Часовой пояс: { $timezone }
    🗓 Расписание: { $schedule }
    💰 Цены ({ $currency }): { $prices }
    📌 Закреп: { $pinned }
    ⏱ Минимум до публикации: { $lead }
    📆 Горизонт бронирования: { $horizon } { $horizon ->
        [one] день
        [few] дня
       *[other] дней
    }
    🚫 Дни без рекламы: { $blackout }
    📊 Не больше реклам в день: { $maxday }
    🗂 Категория: { $category } · язык: { $language }
    📝 Описание: { $description }
    ✅ Модерация заказов: { $review }
    🔒 Только белый список: { $whitelist }
    🎁 Скидка за пакет: { $bundle }
    🏷 Нужна маркировка рекламы: { $marking }
selling-day-1 = Пн
selling-day-2 = Вт
selling-day-3 = Ср
selling-day-4 = Чт
selling-day-5 = Пт
selling-day-6 = Сб
selling-day-7 = Вс
selling-schedule-none = не задано
selling-schedule-times = { $days } в { $times }
selling-schedule-windows = { $days }, { $windows } каждые { $step } мин
selling-unit-hours = ч
selling-unit-minutes = мин
selling-prices-none = форматы пока не выбраны
selling-on = вкл.
selling-off = выкл.
selling-none = нет
selling-no-limit = без ограничения
selling-pinned-value = { $hours } ч за { $price }
selling-review-auto = принимать автоматически
selling-review-manual = вручную, в течение { $hours } ч
selling-bundle-value = от { $slots } { $slots ->
        [one] слота
       *[other] слотов
    } −{ $percent } %
selling-lang-ru = русский
selling-lang-en = английский
selling-lang-uk = украинский
selling-lang-kk = казахский
selling-lang-uz = узбекский
selling-back = ‹ Назад
selling-back-card = ‹ К каналу
selling-button-timezone = 🌍 Часовой пояс
selling-button-schedule = 🗓 Расписание
selling-button-formats = 💰 Форматы и цены
selling-button-lead = ⏱ Минимум до публикации
selling-button-horizon = 📆 Горизонт
selling-button-blackout = 🚫 Дни без рекламы
selling-button-maxday = 📊 Лимит в день
selling-button-catalog = 🗂 Карточка в каталоге
selling-button-review = ✅ Модерация
selling-button-bundle = 🎁 Скидка за пакет
selling-button-whitelist = 🔒 Только белый список: { $state }
selling-button-marking = 🏷 Маркировка рекламы: { $state }
selling-timezone-other = ✍️ Другой часовой пояс…
selling-timezone-text =
    🌍 <b>Часовой пояс канала { $title }</b>
    Сейчас: { $timezone }. Слоты создаются и показываются в этом поясе (с учётом перехода на летнее время).
selling-schedule-mode-times = 🕘 Точное время
selling-schedule-mode-windows = 🪟 Окна с шагом
selling-schedule-clear = 🗑 Очистить расписание
selling-schedule-text =
    🗓 <b>Расписание канала { $title }</b>
    Сейчас: { $schedule } ({ $timezone }).

    Точное время — вы перечисляете время публикаций. Окна — например, 10:00–22:00 со слотом каждые 15, 30 или 60 минут.
selling-next = Далее ›
selling-days-text = В какие дни? Нажимайте на дни, чтобы включить или выключить их, затем «Далее».
    Выбрано: { $days }
selling-step-button = каждые { $step } мин
selling-step-text = Как часто внутри окна может начинаться реклама?
selling-format-off = { $format } · выкл.
selling-format-on = { $format } · { $price }
selling-disable = ✖ Выкл.
selling-format-pinned = 📌 Закреп: { $value }
selling-currency-switch = 💱 Перевести цены в { $currency }
selling-formats-text =
    💰 <b>Форматы и цены канала { $title }</b>
    Валюта: { $currency }. Сейчас: { $prices }

    Нажмите на формат, чтобы задать цену; «✖ Выкл.» снимает его с продажи. 1/24 — час в топе и сутки в ленте; 1/0 — навсегда.
selling-description-button = ✏️ Описание
selling-catalog-text =
    🗂 <b>Карточка в каталоге</b>
    Категория: { $category }
    Язык: { $language }
    Описание: { $description }

    Выберите категорию и язык канала ниже.
selling-review-auto-button = ⚡ Принимать заказы автоматически
selling-review-hours-button = вручную, { $hours } ч
selling-review-text =
    ✅ <b>Модерация заказов</b>
    Сейчас: { $review }. При ручной модерации заказ без ответа в срок отклоняется, а деньги возвращаются. Срок истекает не позже чем за 15 минут до первого слота заказа.
selling-ask-timezone = Пришлите название часового пояса из списка IANA, например <code>Europe/Moscow</code> или <code>Asia/Tbilisi</code>. Сейчас: { $current }
selling-ask-lead = За сколько до слота нужно успеть оформить заказ? Например <code>2h</code>, <code>90m</code> или <code>30</code> (минуты). Сейчас: { $current }
selling-ask-horizon = На сколько дней вперёд можно бронировать (1–90)? Сейчас: { $current }
selling-ask-blackout = Пришлите дату без рекламы (<code>2026-12-31</code> или <code>31.12</code>). Дата, которая уже есть в списке, будет из него удалена. Сейчас: { $current }
selling-ask-maxday = Сколько реклам в день максимум (1–96)? <code>0</code> — без ограничения. Сейчас: { $current }
selling-ask-description = Пришлите описание для каталога (до { $max } { $max ->
        [one] символа
       *[other] символов
    }; <code>-</code> — очистить). Сейчас: { $current }
selling-ask-bundle = Пришлите скидку за пакет двумя числами: от скольки слотов и сколько процентов, например <code>3 10</code> (от 3 слотов −10 %). <code>0</code> — выключить. Сейчас: { $current }
selling-ask-pinned = Пришлите срок закрепа в часах и цену в { $currency }, например <code>24 1500</code>. Сейчас: { $current }
selling-ask-price = Пришлите цену формата { $format } в { $currency }, например <code>1500</code> или <code>1500,50</code>. Сейчас: { $current }
selling-ask-times = Пришлите время публикаций, например <code>9:00, 13:30, 18:00</code>. Сейчас: { $current }
selling-ask-windows = Пришлите окна, например <code>10:00-14:00, 16:00-22:00</code> (слот каждые { $step } мин). Сейчас: { $current }
selling-cancel-hint = /cancel — выйти; текущее значение сохранится.
selling-text-only = Пришлите значение текстом.
selling-try-again = Ничего не сохранено; пришлите другое значение или /cancel.
selling-saved = ✅ Сохранено.
selling-saved-short = ✅ Сохранено
selling-not-found = Канал не найден или у вас нет к нему доступа.
selling-choose-day = Выберите хотя бы один день.
selling-error-empty = Сообщение пустое.
selling-error-bad-time = «{ $token }» — не время суток. Пишите ЧЧ:ММ от 00:00 до 23:59.
selling-error-too-many = Слишком много значений: не больше { $max }.
selling-error-bad-window = «{ $token }» — не окно. Пишите ЧЧ:ММ-ЧЧ:ММ: начало раньше конца, окна не пересекаются.
selling-error-bad-step = «{ $token }» — не подходящий шаг: выберите 15, 30 или 60 минут.
selling-error-bad-number = «{ $token }» — не понимаю это число.
selling-error-out-of-range = Значение должно быть от { $min } до { $max }.
selling-error-not-positive = Цена должна быть больше нуля.
selling-error-too-many-decimals = Не больше двух знаков после запятой.
selling-error-too-large = Слишком много: максимум { $max }.
selling-error-bad-timezone = «{ $token }» — неизвестный часовой пояс. Пишите название вроде Europe/Moscow.
selling-error-bad-date = «{ $token }» — не дата. Пишите 2026-12-31, 31.12.2026 или 31.12.
selling-error-past-date = { $token } — эта дата уже прошла.
selling-error-too-long = В тексте { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }, а можно не больше { $max }.
selling-error-invalid = Эти настройки не сочетаются друг с другом, поэтому ничего не сохранено.

## Catalog categories (category-<id>)
category-news = 📰 Новости
category-tech = 💻 Технологии
category-business = 💼 Бизнес
category-finance = 💰 Финансы
category-crypto = 🪙 Криптовалюты
category-education = 🎓 Образование
category-entertainment = 🎬 Развлечения
category-lifestyle = 🌿 Лайфстайл
category-travel = ✈️ Путешествия
category-food = 🍲 Еда
category-sports = ⚽ Спорт
category-games = 🎮 Игры
category-music = 🎵 Музыка
category-health = 🩺 Здоровье
category-other = 🔖 Другое

## Co-managers (mem:*)
members-title = 👥 <b>Ваше рабочее пространство</b>
members-line-owner = 👑 { $name } — владелец
members-line-manager = 🧑‍💼 { $name } — менеджер
members-none-yet = Менеджеров пока нет. Создайте ссылку-приглашение и отправьте её помощнику.
members-rights-hint = Менеджеры могут всё, кроме удаления каналов, управления участниками и выплат.
members-invite-button = ➕ Создать ссылку-приглашение
members-revoke-button = ✖ Отозвать доступ: { $name }
members-back = ‹ Назад
members-invite-created =
    🔗 Одноразовая ссылка-приглашение (действует 7 дней):
    { $link }

    Отправьте её менеджеру: первый, кто её откроет, станет участником.
members-revoke-confirm = Отозвать доступ у { $name }? Доступ к вашим каналам пропадёт сразу.
members-revoke-yes = Да, отозвать
members-revoke-no = Нет
members-revoked = Доступ { $name } отозван
members-revoked-notice = Ваш доступ менеджера к каналам { $name } отозван.
members-not-member = Этот человек не менеджер вашего пространства.
members-forbidden = Управлять участниками может только владелец.
members-joined = ✅ Теперь вы менеджер этого пространства: можете настраивать его каналы, цены и расписание.
members-open-channels = 📢 Каналы
members-new-manager-notice = 👥 { $name } присоединился(ась) к вашему пространству как менеджер.
members-invite-unknown = Эта ссылка-приглашение недействительна. Попросите у владельца новую.
members-invite-used = По этой ссылке уже присоединились. Попросите у владельца новую.
members-invite-expired = Срок действия ссылки истёк. Попросите у владельца новую.
members-invite-own = Это приглашение в ваше собственное пространство.
members-invite-already = Вы уже менеджер этого пространства.

# Calendar (engineer A)
calendar-week-title = 📅 <b>{ $title }</b> — неделя { $from } – { $to }
calendar-timezone = 🕒 Время: { $timezone }
calendar-day-empty = слотов нет
calendar-price-from = от { $price }
calendar-no-schedule = ⚠️ Расписание ещё не задано: настройте его в настройках продаж, и появятся слоты.
calendar-no-prices = ⚠️ Цены ещё не заданы: свободные слоты нельзя продать, пока вы не укажете цены в настройках продаж.
calendar-legend = 🟢 свободен · ⚪ сейчас не продаётся (топ другой рекламы или лимит в день) · ⏳ удержан · 📌 забронирован · 📣 опубликован · 🚫 закрыт
calendar-prev = ‹ Предыдущая неделя
calendar-next = Следующая неделя ›
calendar-back-card = ‹ К каналу
calendar-back-week = ‹ К неделе
calendar-day-title = 📅 <b>{ $title }</b> — { $date }
calendar-day-none = В этот день слотов нет.
calendar-day-hint = Нажмите на свободный слот 🟢, чтобы закрыть его, на закрытый 🚫 — чтобы снова выставить в продажу.
calendar-day-readonly = Вы можете смотреть слоты этого канала, но не менять их.
calendar-not-found = Канал не найден.
calendar-blocked = 🚫 { $time } закрыт: рекламодателям он не будет предложен.
calendar-unblocked = 🟢 { $time } снова в продаже.
calendar-slot-gone = Этого слота больше нет: расписание изменилось.
calendar-slot-past = Этот слот уже начался.
calendar-slot-changed = Этот слот только что изменился — посмотрите календарь.
calendar-forbidden = Вам нельзя менять слоты этого канала.
calendar-info-held = { $mark } { $time }: удержан рекламодателем на время оплаты.
calendar-info-booked = { $mark } { $time }: забронирован.
calendar-info-published = { $mark } { $time }: реклама опубликована.
calendar-info-done = { $mark } { $time }: размещение завершено.
calendar-info-cancelled = { $mark } { $time }: снят с продажи.
calendar-info-past = { $mark } { $time }: этот слот уже в прошлом.

## Channels: list, add, verify, card, rights (ch:*)
start-owner-channels = 📋 Мои каналы
start-owner-add = ➕ Добавить канал
channels-list-title = 📋 <b>Ваши каналы</b>
channels-list-item = • <b>{ $title }</b> — { $status } ({ $role })
channels-list-empty =
    📋 <b>Ваши каналы</b>

    Каналов пока нет. Добавьте первый — это займёт минуту.
channels-role-owner = владелец
channels-role-manager = менеджер
channels-add-text =
    ➕ <b>Добавление канала</b>

    1. Нажмите «Добавить бота в канал», выберите канал и подтвердите. Telegram предложит сделать { $bot } администратором с правами «Публикация сообщений», «Редактирование чужих публикаций» и «Удаление чужих публикаций». Публикация обязательна; редактирование и удаление нужны для закрепов и форматов, которые бот удаляет по истечении срока.
    2. Затем я попрошу вас завершить настройку здесь.

    Бот уже в канале? Перешлите сюда любой пост канала или отправьте его @username либо ссылку t.me.
channels-private = закрытый канал
channels-this-channel = этот канал
channels-finish-setup =
    👋 Вы добавили меня в канал <b>{ $title }</b>. Нажмите кнопку, чтобы я проверил права и мы закончили настройку.
channels-added = ✅ Канал <b>{ $title }</b> добавлен. Задайте расписание и цены, чтобы начать продажи.
channels-rechecked = 🔄 Права в канале <b>{ $title }</b> проверены заново.
channels-card =
    📢 <b>{ $title }</b>
    { $handle }

    Статус: { $status }
    Подписчиков: { $subscribers }

    <b>Права бота</b>
    { $rights }

    <b>Готовность к продажам</b>
    { $schedule } Расписание
    { $prices } Хотя бы один формат с ценой

    <b>Ближайшие брони</b>
    { $bookings }

    🔗 Ссылка для рекламодателей (открывает бронирование этого канала):
    { $link }
channels-card-no-bookings = Пока нет.
channels-status-active = ✅ продаётся
channels-status-pending = 🕓 на проверке
channels-status-paused-owner = ⏸ на паузе (вы приостановили)
channels-status-paused-rights = ⏸ на паузе: у бота не хватает прав в канале
channels-status-paused-plan = ⏸ на паузе: превышен лимит каналов тарифа
channels-status-blocked = ⛔ заблокирован LytSlot: { $reason }
channels-right-post = Публикация сообщений
channels-right-edit = Редактирование чужих публикаций
channels-right-delete = Удаление чужих публикаций
channels-right-ok = ✅ { $right }
channels-right-missing = ⚠️ { $right } — нет: включите это право боту в настройках администраторов канала и нажмите «Проверить права»
channels-right-unused = ▫️ { $right } — вашим форматам пока не нужно
channels-button-selling = ⚙️ Настройки продаж
channels-button-calendar = 📅 Календарь
channels-button-recheck = 🔄 Проверить права
channels-button-pause = ⏸ Пауза
channels-button-resume = ▶️ Возобновить
channels-button-remove = 🗑 Удалить
channels-button-list = ‹ Мои каналы
channels-button-add = ➕ Добавить канал
channels-button-add-bot = ➕ Добавить бота в канал
channels-button-check-again = 🔄 Проверить снова
channels-button-finish-setup = ✅ Завершить настройку
channels-button-open-card = 📢 Открыть канал
channels-button-how-to-add = ➕ Как добавить канал
channels-button-remove-confirm = 🗑 Да, удалить
channels-button-remove-cancel = ‹ Нет, оставить
channels-not-found = Канал не найден. Возможно, его удалили или у вас нет к нему доступа.
channels-error-chat-not-found =
    Не могу найти этот канал. Проверьте @username или ссылку. Если канал закрытый, сначала добавьте меня в администраторы (кнопка ниже), а затем перешлите сюда любой пост канала.
channels-error-bot-not-member =
    Меня нет в канале <b>{ $title }</b>. Добавьте меня администратором с правом «Публикация сообщений» (кнопка ниже) и нажмите «Проверить снова».
channels-error-bot-not-admin =
    Я не администратор канала <b>{ $title }</b>. Назначьте меня администратором с правом «Публикация сообщений» (кнопка ниже) и нажмите «Проверить снова».
channels-error-bot-cannot-post =
    Я администратор канала <b>{ $title }</b>, но у меня нет права «{ $right }». Откройте канал → Администраторы → LytSlot, включите «{ $right }» и нажмите «Проверить снова».
channels-error-not-channel = Это не канал. LytSlot продаёт рекламу только в Telegram-каналах.
channels-error-user-not-admin =
    Добавить канал <b>{ $title }</b> может только его создатель или администратор с правом публикации. По данным Telegram, вы не из их числа.
channels-error-already-registered =
    Канал <b>{ $title }</b> уже зарегистрирован в LytSlot другим аккаунтом. Если это ваш канал, напишите в поддержку через /help.
channels-error-plan-limit =
    Ваш тариф позволяет { $limit ->
        [one] { $limit } канал
        [few] { $limit } канала
       *[many] { $limit } каналов
    }. Удалите один из каналов или перейдите на Pro (до 10 каналов): /plan
channels-error-telegram = Telegram не ответил на проверку. Попробуйте ещё раз через минуту.
channels-error-private-link =
    Я не умею открывать пригласительные ссылки. Добавьте меня в канал администратором и перешлите сюда любой пост канала.
channels-error-forward-not-channel =
    Это сообщение переслано не из канала (или автор скрыл источник). Перешлите пост из самого канала.
channels-error-forbidden = Это может сделать только владелец рабочего пространства.
channels-error-blocked = Канал заблокирован LytSlot. Напишите в поддержку через /help.
channels-error-resume-rights = Бот по-прежнему не может публиковать в канале. Включите ему право «Публикация сообщений» и нажмите «Проверить права».
channels-error-resume-plan = Канал превышает лимит вашего тарифа. Удалите другой канал или перейдите на Pro.
channels-error-remove-bookings = В канале есть предстоящие брони. Удалить его можно после их публикации или отмены; чтобы остановить новые продажи, поставьте канал на паузу.
channels-error-remove-history = У канала есть история продаж, поэтому удалить его пока нельзя. Поставьте его на паузу.
channels-paused = ⏸ Канал на паузе: бронировать его сейчас нельзя.
channels-resumed = ▶️ Продажи возобновлены.
channels-remove-confirm =
    🗑 Удалить <b>{ $title }</b> из LytSlot?

    Свободные слоты и настройки продаж будут удалены. Позже канал можно добавить снова.
channels-removed = 🗑 Канал <b>{ $title }</b> удалён из LytSlot. Теперь можно убрать бота из канала.
channels-notice-paused =
    ⚠️ Бот потерял право { $rights } в канале <b>{ $title }</b>. Продажи приостановлены.

    Что сделать: откройте канал → Администраторы → LytSlot и включите право снова. Продажи возобновятся сами.
channels-notice-removed =
    ⚠️ Бота удалили из канала <b>{ $title }</b>. Продажи приостановлены.

    Что сделать: снова добавьте бота администратором с правом «Публикация сообщений» (и «Редактирование» / «Удаление чужих публикаций» для ваших форматов). Продажи возобновятся сами.
channels-notice-paid-ahead =
    ⏰ { $count ->
        [one] В канале оплачена реклама:
       *[other] В канале оплачены рекламы:
    }
    { $ads }
    Каждая выйдет, только если бот снова сможет публиковать не позже чем через { $minutes } { $minutes ->
        [one] минуту
        [few] минуты
       *[other] минут
    } после её времени; иначе заказ отменится, а рекламодателю вернутся все деньги.
channels-notice-paid-ad = • { $when } — заказ { $order }
channels-notice-resumed = ✅ Права бота в канале <b>{ $title }</b> восстановлены. Продажи возобновлены.
channels-notice-degraded =
    ⚠️ Бот потерял право { $rights } в канале <b>{ $title }</b>. Оно нужно некоторым вашим форматам — верните его в настройках администраторов канала.
channels-button-managers = 👥 Менеджеры

## Каталог (рекламодатели: поиск каналов, карточка канала, инлайн-режим)
catalog-advertiser-text =
    🎯 <b>Рекламодателям</b>

    • Ищите каналы в каталоге по тематике, языку, аудитории и цене или по названию.
    • Бронируйте свободные слоты, присылайте пост ровно таким, каким он должен выйти, и платите звёздами Telegram или картой.
    • Следите за заказами в «Мои заказы» и получайте отчёт с кликами, когда реклама отработает.
    • Бот сам публикует рекламу, следит, чтобы она провисела сколько положено, и вернёт деньги, если канал нарушит условия.
    • Чтобы поделиться каналом, наберите в любом чате @{ $bot } и название.
catalog-button-find = 🔎 Найти каналы
catalog-button-orders = 🧾 Мои заказы
catalog-title = 🔎 <b>Каталог каналов</b>
catalog-filters-summary = Тематика: { $category } · Язык: { $language } · Подписчики: { $subscribers } · Цена: { $price }
catalog-search-summary = 🔍 Поиск: «{ $query }»
catalog-found = Найдено: { $total } · страница { $page } из { $pages }
catalog-empty = Ничего не нашлось. Измените фильтры или запрос.
catalog-entry =
    { $n }. <b>{ $title }</b> { $handle }
    👥 { $subscribers } · { $category } · от { $price }
catalog-private = (закрытый канал)
catalog-no-category = без тематики
catalog-prev = ‹ Назад
catalog-next = Дальше ›
catalog-button-search = 🔍 Поиск
catalog-button-filters = ⚙️ Фильтры
catalog-button-clear-search = ✖️ Сбросить поиск
catalog-filters-title = ⚙️ <b>Фильтры</b>
catalog-filter-category = 🗂 Тематика
catalog-filter-language = 🌐 Язык
catalog-filter-subscribers = 👥 Подписчики
catalog-filter-price = 💰 Цена
catalog-filter-reset = ♻️ Сбросить
catalog-back-advertiser = ‹ Меню рекламодателя
catalog-back-results = ‹ К результатам
catalog-back-filters = ‹ К фильтрам
catalog-choose-category = 🗂 Выберите тематику:
catalog-choose-language = 🌐 Выберите язык канала:
catalog-choose-subscribers = 👥 Сколько подписчиков?
catalog-choose-price = 💰 Цена самого дешёвого формата (за пост):
catalog-range-under = до { $max }
catalog-range-over = от { $min }
catalog-range-between = { $min }–{ $max }
catalog-search-ask = 🔍 Пришлите часть названия канала или его @username (от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }). /cancel — отмена.
catalog-search-text-only = Пришлите название текстом.
catalog-search-too-short = Слишком коротко: нужно хотя бы { $min } { $min ->
        [one] символ
        [few] символа
       *[other] символов
    }.
catalog-search-too-long = Слишком длинно: не больше { $max } { $max ->
        [one] символа
       *[other] символов
    }.
catalog-card-title = 📣 <b>{ $title }</b> { $handle }
catalog-card-facts = 👥 { $subscribers } { $subscribers ->
        [one] подписчик
        [few] подписчика
       *[many] подписчиков
    } · { $category } · { $language }
catalog-card-prices-title = 💰 <b>Цены за пост</b>
catalog-card-price = • { $format } — { $price }
catalog-card-price-pinned = • 📌 закреп на { $hours } ч — { $price }
catalog-card-no-prices = Цены пока не указаны.
catalog-card-formats-hint = <i>1/24 — час в топе, сутки в ленте; 1/0 — пост остаётся навсегда.</i>
catalog-card-slots-title = 📅 <b>Ближайшие свободные слоты</b>
catalog-card-zone = Время — { $zone }:
catalog-card-zones = Время канала ({ $zone }), в скобках — ваше ({ $yours }):
catalog-card-no-slots = Свободных слотов сейчас нет.
catalog-card-stats = 📊 Заполненность { $fill }% · опубликовано реклам: { $published } · вовремя { $ontime }% · простояли обещанный срок: { $kept }% · удалено досрочно: { $deletions }
catalog-card-stats-new = 🆕 Новый канал в LytSlot: рекламы ещё не было · заполненность { $fill }%
catalog-card-growth = { $trend ->
        [down] 📉 −{ $change }
        [flat] ➖ ±{ $change }
       *[up] 📈 +{ $change }
    } { $change ->
        [one] подписчик
        [few] подписчика
       *[many] подписчиков
    } за { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
catalog-card-clicks = 👆 Кликов на рекламу на 1000 подписчиков: { $average } ({ $ads } { $ads ->
        [one] реклама
        [few] рекламы
       *[many] реклам
    } за { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    })
catalog-card-link = 🔗 { $link }
catalog-button-book = 📅 Забронировать
catalog-back = ‹ Назад
catalog-unavailable = 😕 Этот канал недоступен: ссылка неверна, канал на паузе или больше не продаёт рекламу. Поищите другие в каталоге.
catalog-unavailable-short = Этот канал больше недоступен.
catalog-stale = Эта кнопка устарела. Откройте каталог заново.
catalog-inline-description = 👥 { $subscribers } · от { $price }
catalog-inline-message =
    📣 <b>{ $title }</b> { $handle }
    👥 Подписчиков: { $subscribers } · реклама от { $price }
    Забронировать слот: { $link }
catalog-inline-open = 📅 Открыть в боте

# Creative (issue 4, engineer Y)
creative-variant = 🎨 <b>Вариант объявления { $n } (можно до { $max })</b>
creative-ask-content =
    Пришлите пост точно в том виде, в каком он должен выйти в канале:
    • текст с форматированием, или
    • одно фото, видео, GIF или файл с подписью, или
    • альбом (до 10 элементов).

    Форматирование, ссылки и эмодзи сохранятся. /cancel — отмена.
creative-album-collecting = 📎 Собираю альбом… Нажмите «Готово», когда пришлёте все элементы.
creative-album-done = ✅ Альбом готов
creative-error-unsupported = Это не может быть рекламным постом. Пришлите текст, одно фото, видео, GIF или файл (можно с подписью) или альбом. Стикеры, голосовые, опросы и геопозиции не подходят.
creative-error-empty = Пост пустой. Пришлите текст или медиа объявления.
creative-error-album-too-large = В альбоме может быть не больше { $max } { $max ->
        [one] элемента
       *[other] элементов
    }. Пришлите альбом поменьше.
creative-ask-buttons =
    🔗 Добавьте кнопки-ссылки под постом (до { $max }), по одной в сообщении:
    <code>Текст кнопки — https://example.com</code>
    или сначала текст, а следующим сообщением ссылку. Ссылка должна начинаться с http://, https:// или tg://.
creative-ask-button-url = Теперь пришлите ссылку для кнопки «{ $label }».
creative-button-added = ✅ Кнопка { $count } из { $max }: «{ $label }» → { $url }. Пришлите ещё одну или нажмите «Готово».
creative-buttons-done = ✅ Готово
creative-buttons-skip = ⏭ Без кнопок
creative-buttons-full = Это { $max } { $max ->
        [one] кнопка
        [few] кнопки
       *[other] кнопок
    } — больше под постом не поместится.
creative-buttons-text-only = Пришлите кнопку текстом: <code>Текст — https://example.com</code>.
creative-error-url-invalid = Это не похоже на ссылку. Пример: <code>https://example.com/page</code>.
creative-error-url-scheme = Ссылки вида «{ $scheme }:» не принимаются. Используйте http://, https:// или tg://.
creative-error-label-empty = Перед ссылкой нужен текст кнопки: <code>Текст — https://example.com</code>.
creative-error-label-too-long = Текст кнопки — { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }, а можно не больше { $max }.
creative-try-again = Пришлите ещё раз.
creative-error-stop-word = Канал «{ $channel }» не принимает рекламу со словом «{ $word }». Измените пост и пришлите снова.
creative-error-blocked-domain = Канал «{ $channel }» не принимает ссылки на { $domain }. Измените пост и пришлите снова.
creative-joins-hint = 👥 Реклама ведёт в { $chats }. Чтобы считать подписавшихся с неё, сделайте { $bot } администратором там с правом приглашать пользователей (другие права не нужны): тогда у каждого поста будет своя пригласительная ссылка, а в отчёте — подписки.
creative-preview-intro = 👀 Вот так объявление будет выглядеть в канале:
creative-preview-buttons = 🔗 Кнопки поста:
creative-preview-actions = Всё верно?
creative-looks-good = ✅ Всё верно
creative-redo = ✏️ Переделать
creative-add-variant = ➕ Добавить вариант
creative-variants-pro = 🧪 Второй вариант — это A/B-тест, функция Pro: варианты чередуются по публикациям, а вариант с лучшими переходами на подписчика получает оставшиеся. Pro — в /plan. Пока продолжите с этим объявлением или переделайте его.
creative-use-buttons = Воспользуйтесь кнопками под превью.
creative-done = ✅ Объявление сохранено. Дальше — проверка заказа и оплата.
creative-continue-payment = Перейти к оплате ›
creative-not-found = Этот заказ больше недоступен. Откройте корзину и попробуйте снова.
creative-not-editable = Заказ уже оплачивается или на проверке — объявление в нём не изменить.
creative-stale = Эти кнопки больше не действуют. Откройте корзину, чтобы продолжить.

# Ad marking (issue 4, engineer Y)
marking-intro = 🏷 Этот канал публикует рекламу только с маркировкой (38-ФЗ): ваше наименование, ИНН и токен erid. Строка маркировки добавится в конце поста.
marking-ask-name = Пришлите наименование рекламодателя для маркировки (от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }), например <code>ООО «Ромашка»</code>.
marking-ask-inn = Пришлите ИНН рекламодателя: 10 цифр для организации, 12 — для ИП или физлица.
marking-ask-erid = Пришлите токен erid от вашего оператора рекламных данных (ОРД): латинские буквы и цифры, до 64 символов.
marking-error-name = Наименование должно быть от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
marking-error-inn-format = ИНН — это 10 или 12 цифр.
marking-error-inn-checksum = В этом ИНН неверная контрольная цифра: проверьте номер.
marking-error-erid = erid — от 1 до 64 латинских букв и цифр, без пробелов.
marking-text-only = Пришлите текстом.
marking-saved-offer = Взять данные из прошлого заказа? Наименование: { $name }, ИНН { $inn }. Останется прислать только новый erid.
marking-saved-use = ✅ { $name }, ИНН { $inn }
marking-saved-other = ✏️ Другое наименование и ИНН
marking-saved-choose = Нажмите одну из кнопок выше: сохранённые данные или другие.
marking-inn-sandbox-hint = 🧪 Песочница: подойдёт любой ИНН с верной контрольной цифрой, например <code>7707083893</code>.
marking-saved = ✅ Маркировка сохранена.

# Бронирование (задача 4: заказы)
booking-format-pinned = 📌 закреп { $hours } ч
booking-choose-format =
    🛒 <b>{ $title }</b>
    Выберите формат (1/24 — час в топе и сутки в ленте; 1/0 — навсегда):
booking-format-button = { $format } · { $price }
booking-discount-note = 🎁 Скидка за пакет: −{ $percent }% на каждый слот этого канала, если взять от { $minSlots }.
booking-no-formats = Канал пока не продаёт ни одного формата.
booking-choose-date =
    🛒 <b>{ $title }</b> · { $format } · { $price }
    Выберите день (даты по времени канала, { $timezone }):
booking-no-dates = Свободных слотов для этого формата сейчас нет. Выберите другой формат или загляните позже.
booking-choose-time =
    🛒 <b>{ $title }</b> · { $format } · { $date }
    Выберите время. Сначала время канала ({ $timezone }), в скобках — ваше ({ $yours }). Выбранный слот держим за вами 15 минут.
booking-no-times = На этот день свободного времени не осталось.
booking-back-formats = ‹ Форматы
booking-back-dates = ‹ Дни
booking-held = ⏳ Забронировано: <b>{ $title }</b>, { $when } ({ $format }). Слот ваш на 15 минут.
booking-taken = 😕 Этот слот только что занял другой рекламодатель.
booking-taken-nearest = Ближайшие свободные (время канала):
booking-taken-none = Рядом свободных слотов нет — выберите другой день.
booking-error-channel = Этот канал сейчас нельзя забронировать (не найден, на паузе или заблокирован).
booking-error-format = Канал больше не продаёт этот формат.
booking-error-unavailable = Этот слот больше не продаётся. Выберите другой.
booking-error-too-soon = Слот уже не забронировать: каналу нужно больше времени на подготовку.
booking-error-blocked = Вашему аккаунту бронирование недоступно.
booking-error-own = Это ваш собственный канал — покупать в нём рекламу нельзя.
booking-error-limit = В одном заказе не больше { $limit } { $limit ->
        [one] слота
       *[other] слотов
    }. Сначала оплатите эти, потом бронируйте ещё.
booking-whitelist =
    🔒 <b>{ $title }</b> продаёт рекламу только одобренным рекламодателям.
    Запросите доступ — владелец получит запрос и ответит в одно касание.
booking-request-access = 🔑 Запросить доступ
booking-access-sent = ✅ Запрос отправлен. Сообщим, когда владелец ответит.
booking-access-pending = ⏳ Ваш запрос доступа ждёт ответа владельца.
booking-access-declined-before = Владелец канала отклонил ваш запрос доступа.
booking-access-request =
    🔑 <b>Запрос доступа</b>
    { $advertiser } хочет покупать рекламу в <b>{ $title }</b> (только для одобренных).
booking-access-allow = ✅ Разрешить
booking-access-decline = ✖ Отклонить
booking-access-allowed-owner = ✅ { $advertiser } теперь может бронировать рекламу в <b>{ $title }</b>.
booking-access-declined-owner = ✖ Доступ отклонён.
booking-access-done = На этот запрос уже ответили.
booking-access-forbidden = Отвечать могут только владелец канала и менеджеры.
booking-access-allowed = ✅ Владелец <b>{ $title }</b> одобрил ваш доступ. Можно бронировать.
booking-access-declined = Владелец <b>{ $title }</b> отклонил ваш запрос доступа.
booking-book-now = 🛒 Забронировать { $title }
booking-cart-title = 🛒 <b>Ваш заказ</b>
booking-cart-empty = Корзина пуста. Найдите канал и выберите слот.
booking-cart-expired = ⌛ Бронь истекла, слоты освобождены. Выберите их заново.
booking-cart-channel = <b>{ $title }</b>
booking-cart-item = • { $when } · { $format } · { $price }
booking-cart-item-discount = • { $when } · { $format } · <s>{ $price }</s> { $final }
booking-cart-order-total = Сумма { $subtotal } · скидка −{ $discount } · <b>итого { $total }</b>
booking-cart-order-plain = <b>Итого { $total }</b>
booking-cart-hold = ⏳ Бронь действует ещё { $minutes } мин.
booking-cart-paying = 💳 Идёт оплата.
booking-cart-note = Каждому владельцу каналов — отдельный счёт.
booking-button-another = ➕ Ещё слот
booking-button-other-channels = 🔎 Другие каналы
booking-button-remove = 🗑 { $when }
booking-button-cancel = ✖ Отменить
booking-button-continue = Продолжить ›
booking-button-cart = 🛒 Корзина
booking-cancel-confirm = Отменить весь заказ и освободить все слоты?
booking-cancel-yes = Да, отменить
booking-cancel-no = ‹ Оставить
booking-cancelled = Заказ отменён, слоты освобождены.
booking-removed = Удалено.
booking-remove-failed = Эту позицию уже нельзя изменить.

## Оплата звёздами Telegram (задача 4, инженер Z)
checkout-nothing = Оплачивать нечего: слоты этого заказа больше не удерживаются. Откройте 🧾 Мои заказы или забронируйте заново.
checkout-several = В вашей подборке каналы разных владельцев ({ $count }): на каждый заказ придёт отдельный счёт.
checkout-summary = 🧾 <b>Ваш заказ</b> — { $channels }
checkout-item = • <b>{ $channel }</b> — { $time } ({ $zone }) · { $format } · { $price }
checkout-item-both = • <b>{ $channel }</b> — { $time } ({ $zone }), по вашему времени { $mine } · { $format } · { $price }
checkout-subtotal = Сумма: { $amount }
checkout-discount = Скидка за пакет: −{ $amount }
checkout-total = <b>Итого: { $amount }</b>
checkout-marking = Маркировка: { $name }, ИНН { $inn }, erid { $erid }
checkout-stars = К оплате: <b>{ $stars } ⭐</b> (за { $amount })
checkout-invoice-title = Размещение рекламы
checkout-invoice-description = Реклама в { $channels }: слотов — { $count }. Деньги хранятся на эскроу до выхода рекламы.
checkout-invoice-label = Размещение рекламы
checkout-refused = ⚠️ Заказ в { $channels } пока нельзя оплатить: { $reason }
checkout-button-creative = ✏️ Вернуться к креативу
checkout-error-not-payable = он больше не ждёт оплаты.
checkout-error-hold-expired = 15 минут удержания слотов истекли. Забронируйте слоты заново.
checkout-error-empty = в нём нет слотов.
checkout-error-no-creative = сначала пришлите рекламный пост.
checkout-error-marking = канал требует маркировку рекламы: укажите название рекламодателя, ИНН и erid.
checkout-error-content = пост нарушает правила канала (стоп-слова, запрещённые ссылки или длина). Исправьте его.
checkout-precheckout-not-payable = Этот заказ больше нельзя оплатить. Откройте «Мои заказы» в боте.
checkout-precheckout-expired = Удержание слотов истекло, и они освобождены. Забронируйте их заново.
checkout-precheckout-changed = Заказ изменился после выставления счёта. Откройте оплату заново, чтобы получить новый счёт.
checkout-paid-unknown = Этот платёж не относится ни к одному заказу, поэтому он возвращён.
checkout-paid-too-late = ⚠️ Оплата пришла, когда заказ уже был закрыт. Звёзды возвращаются вам.

## Модерация заказов владельцем (задача 4, инженер Z)
review-card =
    📝 <b>Новый заказ на проверку</b> от { $advertiser }
    Рекламный пост выше — ровно так, как он будет опубликован.
review-card-share = Ваш доход: <b>{ $share }</b> — 80 % от суммы заказа { $total }, после того как реклама отработает как забронировано.
review-card-deadline = Решите до { $deadline } — после этого заказ будет автоматически отклонён с возвратом денег.
review-button-approve = ✅ Одобрить
review-button-reject = ❌ Отклонить
review-reason-ask = Почему вы отклоняете эту рекламу? Напишите причину для рекламодателя (от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }). /cancel — назад.
review-reason-invalid = Причина — это текст длиной от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }. Попробуйте ещё раз или /cancel.
review-rejected-done = ❌ Отклонено. Рекламодатель получит причину и полный возврат; слоты снова свободны.
review-approved-done = Одобрено
review-approved-note = ✅ Одобрено: реклама запланирована. Рекламодатель уведомлён.
review-already-decided = По этому заказу уже принято решение (или рекламодатель его отменил).
review-not-found = Заказ не найден.
review-forbidden = Вы не можете проверять заказы этого рабочего пространства.
review-deadline-passed = ⌛ Одобрить уже нельзя: срок проверки истёк. Заказ отклоняется, рекламодатель получает полный возврат.
review-news-in-review = ✅ Оплата получена. Заказ в <b>{ $channel }</b> на проверке у владельца канала до { $deadline }. Если его не одобрят к этому сроку, деньги вернутся полностью.
review-news-scheduled = 🗓 Ваш заказ в <b>{ $channel }</b> одобрен и запланирован.
review-news-rejected = ❌ Владелец <b>{ $channel }</b> отклонил ваш заказ: { $reason }
review-news-auto-rejected = ⌛ Владелец <b>{ $channel }</b> не проверил заказ вовремя, поэтому он отменён.
review-news-refund-pending = ⏳ Telegram пока не принял возврат. Мы повторяем попытки автоматически, пока звёзды не вернутся.
review-auto-rejected-owner = ⌛ Заказ в <b>{ $channel }</b> не был проверен вовремя: он отклонён, рекламодателю сделан возврат.
review-cancelled-owner = ↩️ Рекламодатель отменил заказ в <b>{ $channel }</b>. Слоты снова свободны.
review-auto-scheduled-owner = 🗓 Новый оплаченный заказ в <b>{ $channel }</b>: принят автоматически и запланирован.

## Мои заказы (задача 4, инженер Z)
orders-status = { $status ->
    [draft] 📝 черновик
    [held] ⏳ удерживается, не оплачен
    [awaiting_payment] 💳 ждёт оплаты
    [paid] 💰 оплачен
    [in_review] 👀 на проверке
    [scheduled] 🗓 запланирован
    [publishing] 📤 публикуется
    [published] 📢 опубликован
    [completed] ✅ выполнен
    [rejected] ❌ отклонён
    [cancelled] ↩️ отменён
    [expired] ⌛ истёк
    [failed] ⚠️ сорвался
    [refunded] 💸 возвращён
    *[disputed] ⚖️ спор
}
orders-list = 🧾 <b>Мои заказы</b> ({ $count }). Выберите заказ:
orders-list-item = { $channels } · { $status } · { $total } · { $date }
orders-empty = 🧾 У вас пока нет заказов. Найдите канал для рекламы.
orders-button-find = 🔎 Найти каналы
orders-card = 🧾 <b>Заказ</b> — { $channels }
    Статус: { $status }
orders-card-reason = Причина: { $reason }
orders-card-refunded = Возвращено: { $amount }
orders-reason-deadline = владелец не проверил заказ вовремя
orders-button-report = 📊 Отчёт
orders-button-back-card = ◀️ К заказу
orders-report-title = 📊 <b>Отчёт</b> — { $channels }
orders-report-not-out = ещё не вышел (по плану { $due })
orders-report-post = <b>{ $channel }</b> · { $format } · { $when }
    { $violations ->
        [0] Условия соблюдены
        [one] Нарушено условий: 1
       *[other] Нарушено условий: { $violations }
    } · переходов { $clicks } (уникальных { $unique }) · реакций { $reactions }{ $invite ->
        [yes] {" · "}подписались { $joins } (отписались за 24 ч: { $leftDay })
       *[no] {""}
    }
orders-report-totals = <b>Итого</b>: потрачено { $spent } · переходов { $clicks } (уникальных { $unique }), { $perClick } за переход · реакций { $reactions }{ $invite ->
        [yes] {" · "}подписались { $joins } (отписались за 24 ч: { $leftDay }), { $perJoin } за подписчика
       *[no] {""}
    }
orders-report-chart-title = Переходы и подписки по дням
orders-report-chart-clicks = Переходы
orders-report-chart-joins = Подписки
orders-report-chart-day = { $day }: переходов { $clicks }, подписок { $joins }
orders-button-campaign = 📊 Отчёт по кампании
orders-campaign-title = 📊 <b>Кампания</b> — { $count ->
        [one] { $count } заказ
        [few] { $count } заказа
       *[many] { $count } заказов
    } с вышедшими публикациями
orders-campaign-order = • <b>{ $channels }</b> · { $status } · потрачено { $spent } · публикаций { $posts } · переходов { $clicks } (уникальных { $unique }) · подписались { $joins } · реакций { $reactions }
orders-campaign-totals = <b>Итого</b>: переходов { $clicks } (уникальных { $unique }) · подписались { $joins } (отписались { $leaves }) · реакций { $reactions }
orders-campaign-spent = потрачено { $spent } · { $perClick } за переход · { $perJoin } за подписчика
orders-campaign-empty = 📊 Ваши публикации ещё не выходили: отчёт по кампании начнётся с первой.
orders-campaign-chart-title = Переходы и подписки по дням, все заказы
orders-ab-title = 🧪 <b>A/B-тест</b> (переходы на подписчика; победитель получает оставшиеся публикации)
orders-ab-variant = Вариант { $name }: публикаций { $posts } · охват { $reach } · переходов { $clicks } · на 1 000 подписчиков { $per1000 } · шанс быть лучшим { $chance }
orders-ab-winner = 🏆 Победитель: вариант { $name } (шанс быть лучшим { $chance }); оставшиеся публикации выйдут с ним.
orders-ab-leading = Победителя пока нет: лидирует вариант { $name } (шанс быть лучшим { $chance }); победитель определяется при { $needed }.
orders-ab-waiting = Победителя пока нет: у каждого варианта сначала должна выйти публикация; победитель определяется при { $needed }.
orders-button-preview = 👁 Показать рекламный пост
orders-button-pay = 💳 Оплатить
orders-button-cancel = ↩️ Отменить заказ
orders-button-cancel-yes = Да, отменить
orders-button-cancel-no = Нет, оставить
orders-button-back = ⬅️ Мои заказы
orders-button-open = 🧾 Открыть заказ
orders-cancel-confirm = Отменить этот заказ? Его слоты освободятся.
orders-cancel-confirm-paid = Отменить этот заказ? Деньги вернутся полностью тем же способом, которым вы платили (звёзды, карта или баланс), слоты освободятся.
orders-cancelled = Заказ отменён
orders-not-cancellable = Этот заказ уже нельзя отменить (он одобрен или закрыт).
orders-not-found = Заказ не найден.
creative-error-too-long-marked = Пост слишком длинный: { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    } вместе со строкой маркировки, а можно { $max }. Сократите на { $over } { $over ->
        [one] символ
        [few] символа
       *[other] символов
    } и пришлите снова.
creative-error-too-long-plain = Пост слишком длинный: { $length } { $length ->
        [one] символ
        [few] символа
       *[other] символов
    }, а можно { $max }. Сократите на { $over } { $over ->
        [one] символ
        [few] символа
       *[other] символов
    } и пришлите снова.
marking-rules-button = 🚫 Стоп-слова и домены
marking-rules-ask =
    🚫 <b>Стоп-слова и запрещённые домены канала { $title }</b>
    Реклама с этими словами (целыми словами, без учёта регистра) или со ссылками на эти домены (и их поддомены) не принимается.

    Стоп-слова: { $words }
    Запрещённые домены: { $domains }

    Пришлите новый список одним сообщением через запятую или с новой строки, например <code>казино, ставки, spam.io</code>. Записи с точкой считаются доменами. Пришлите <code>-</code>, чтобы очистить оба списка. /cancel — оставить как есть.
marking-rules-none = нет
marking-rules-empty = Список пуст. Пришлите слова и домены через запятую или <code>-</code>, чтобы очистить.
marking-rules-too-many = Не больше { $max } { $max ->
        [one] стоп-слова
       *[other] стоп-слов
    } и { $max } { $max ->
        [one] домена
       *[other] доменов
    }.
marking-rules-too-long = Стоп-слово может быть не длиннее { $max } { $max ->
        [one] символа
       *[other] символов
    }.
marking-rules-invalid = Такие списки не сохранить. Проверьте их и пришлите снова.
marking-rules-not-found = Этот канал вам недоступен.
marking-rules-saved =
    ✅ Сохранено.
    Стоп-слова: { $words }
    Запрещённые домены: { $domains }
marking-rules-back = ‹ Настройки продаж
orders-reason-hold-expired = 15 минут удержания истекли до оплаты
orders-reason-abandoned = оформление заказа было прервано
catalog-card-whitelist = 🔒 Только для одобренных рекламодателей: при бронировании владелец получит запрос на доступ.
catalog-card-marking = 🏷 Нужна маркировка рекламы: название рекламодателя, ИНН и erid.
catalog-no-matter = Не важно
booking-hold-expired = ⌛ Бронь снята: 15 минут истекли до оплаты. Если слоты ещё свободны, забронируйте их снова.
verify-top-owner = ⚠️ В «{ $channel }» вышел другой пост, пока реклама { $order } должна была оставаться в топе. Это записано как нарушение: рекламодатель получит обратно долю за время нарушения.
verify-top-advertiser = ⚠️ В «{ $channel }» вышел другой пост, пока ваша реклама { $order } должна была оставаться в топе. Нарушение записано; долю за это время вы получите обратно при расчёте.
verify-deleted-owner = ⚠️ Рекламы { $order } больше нет в «{ $channel }»: её удалили до конца срока. Неотработанная часть вернётся рекламодателю, а в репутации канала появится досрочное удаление.
verify-deleted-advertiser = ⚠️ Вашу рекламу { $order } удалили из «{ $channel }» до конца срока. Неотработанную часть вы получите обратно при расчёте.
verify-unpinned-owner = ⚠️ Реклама { $order } больше не закреплена в «{ $channel }», хотя формат это обещает. Время без закрепа будет возвращено рекламодателю.
verify-unpinned-advertiser = ⚠️ Ваша реклама { $order } больше не закреплена в «{ $channel }». Долю за время без закрепа вы получите обратно при расчёте.
verify-late-owner = ⏱ Реклама { $order } в «{ $channel }» вышла с опозданием. Это записано в отчёт о размещении.
verify-late-advertiser = ⏱ Ваша реклама { $order } в «{ $channel }» вышла с опозданием. Это записано в ваш отчёт.
notify-button-open-post = 🔗 Открыть пост
notify-button-order = 📄 Заказ
notify-published-advertiser = ✅ Ваша реклама вышла в <b>{ $channel }</b> (опубликована { $publishedAt }).
notify-published-owner = 📣 В <b>{ $channel }</b> опубликована реклама ({ $publishedAt }). Сохраните её по условиям формата до конца, чтобы получить оплату полностью.
settle-report-advertiser =
    📊 <b>Отчёт о размещении — { $channel }</b>
    Опубликовано: { $publishedAt }
    Срок: { $kept ->
        [yes] соблюдён полностью
       *[no] нарушен на { $brokenMinutes } мин
    }
    Переходов пока: { $clicks } · Реакций: { $reactions }{ $invite ->
        [yes] {" · "}Подписались по ссылке: { $joins } (отписались за 24 ч: { $leftDay })
       *[no] {""}
    }
settle-report-owner =
    📊 <b>Размещение завершено — { $channel }</b>
    Опубликовано: { $publishedAt }
    Срок: { $kept ->
        [yes] соблюдён полностью
       *[no] нарушен на { $brokenMinutes } мин
    }
    Переходов пока: { $clicks } · Реакций: { $reactions }{ $invite ->
        [yes] {" · "}Подписались по ссылке: { $joins } (отписались за 24 ч: { $leftDay })
       *[no] {""}
    }
settle-earned-owner = 💰 Заказ завершён: { $amount } зачислено на ваш баланс (комиссия платформы { $fee }).
settle-credited-advertiser = ↩️ { $amount } зачислено на ваш баланс за время, когда реклама показывалась не по условиям. Ими можно оплатить следующие размещения.
settle-undelivered-advertiser = ❌ Ваша реклама в <b>{ $channel }</b> не была размещена. Возвращаем полностью { $amount }.
settle-refunded-advertiser = 💸 Возвращено { $amount } — полностью.
publish-lost-rights = ⚠️ Не могу опубликовать оплаченную рекламу в <b>{ $channel }</b>: у бота нет прав { $missing }. Верните боту права администратора в течение { $minutes } мин., иначе заказ будет отменён, а рекламодателю вернутся деньги полностью.
publish-failure-cause = { $cause ->
        [rights] у бота не было прав на публикацию в течение 15 минут после начала слота.
        [channel] канал не был активен в течение 15 минут после начала слота.
        [link] Telegram не принял ссылку в посте (ответ Telegram: { $detail }).
        [too_long] пост слишком длинный для Telegram (ответ Telegram: { $detail }).
        [refused] Telegram отклонил пост (ответ Telegram: { $detail }).
        [late_refund] его не удалось выпустить в оплаченное время, и рекламодатель выбрал возврат вместо поздней публикации.
        [late_no_answer] его не удалось выпустить в оплаченное время, а рекламодатель не ответил, публиковать ли с опозданием, поэтому деньги возвращены.
       *[telegram] Telegram отвечал ошибкой 15 минут после начала слота (ответ Telegram: { $detail }).
    }
publish-failed-owner = ❌ Оплаченную рекламу в <b>{ $channel }</b> не удалось опубликовать: { publish-failure-cause } { $refund ->
        [share] Уже вышедшие посты остаются; рекламодатель получит долю этого поста при расчёте по заказу.
       *[full] Заказ отменён, рекламодателю вернутся деньги полностью.
    }
publish-failed-advertiser = ❌ Вашу рекламу в <b>{ $channel }</b> не удалось опубликовать: { publish-failure-cause } { $refund ->
        [share] Долю этого поста вы получите обратно при расчёте по заказу.
       *[full] Заказ отменён, деньги вернутся вам полностью.
    }
publish-late-ask = ⏱ Вашу рекламу в <b>{ $channel }</b> не удалось выпустить в оплаченное время: опоздание уже { $minutes ->
        [one] { $minutes } минута
        [few] { $minutes } минуты
       *[other] { $minutes } минут
    }. Опубликовать сейчас, перенести на другое свободное время канала по той же цене или вернуть деньги? Если не ответить в течение { $timeout ->
        [one] { $timeout } минуты
       *[other] { $timeout } минут
    }, пост не выйдет, а деньги вернутся.
publish-late-button-now = ▶️ Опубликовать сейчас
publish-late-button-times = 🗓 Другое время
publish-late-button-refund = 💸 Вернуть деньги
publish-late-button-back = ◀️ Назад
publish-late-pick-time = Выберите свободное время канала (время канала).
publish-late-no-times = У канала нет свободного времени для этого формата на ближайшую неделю. Опубликуйте сейчас или верните деньги.
publish-late-time-taken = Это время только что заняли или оно больше не продаётся. Выберите другое.
publish-late-moved = 🗓 Перенесено: реклама выйдет { $when } (время канала) по оплаченной цене. Когда пост выйдет, придёт сообщение со ссылкой.
publish-late-moved-owner = 🗓 Реклама в «{ $channel }» не вышла в оплаченное время (задержка платформы); рекламодатель перенёс её на { $at }. Оплата не меняется.
publish-late-now-done = ▶️ Публикуем рекламу. Когда пост выйдет, придёт сообщение со ссылкой.
publish-late-refund-done = 💸 Реклама не выйдет, деньги возвращаются.
publish-late-decided = На этот вопрос уже ответили (или время на ответ истекло).

## subscription (Pro plan: owner screen, Stars subscription, receipts, expiry)
subscription-menu-button = 💎 Тариф и подписка
subscription-command = Ваш тариф и подписка Pro
subscription-title = 💎 <b>Ваш тариф: { $plan ->
        [pro] Pro
       *[free] Free
    }</b>
subscription-status-free = Free: один канал. Pro открывает больше.
subscription-status-pro-forever = Pro без срока окончания.
subscription-status-renews = Продлевается автоматически через { $method ->
        [stars] Telegram Stars
        [stripe] Stripe
       *[yookassa] ЮKassa
    }; оплачено до { $until }.
subscription-status-cancelled = Автопродление отменено: Pro действует до { $until }, затем тариф станет Free.
subscription-status-paid-until = Оплачено до { $until }. Оплатите снова до этой даты, чтобы сохранить Pro.
subscription-channels = Каналов: { $used } из { $limit }
subscription-paused-by-plan = ⏸ { $count ->
        [one] { $count } канал на паузе, потому что Pro закончился. Продлите Pro, чтобы возобновить его.
        [few] { $count } канала на паузе, потому что Pro закончился. Продлите Pro, чтобы возобновить их.
       *[other] { $count } каналов на паузе, потому что Pro закончился. Продлите Pro, чтобы возобновить их.
    }
subscription-capability = { $mark } { $name }
subscription-capability-channels = до { $limit } { $limit ->
        [one] канала
       *[other] каналов
    }
subscription-capability-api-keys = API-ключи для партнёрского API
subscription-capability-ab-tests = A/B-тесты: до 4 вариантов объявления; вариант с лучшими переходами на подписчика получает оставшиеся публикации
subscription-capability-csv-exports = Выгрузки CSV: заказы, публикации, выплаты и переходы по дням из статистики
subscription-pro-offer = <b>Pro</b> на месяц: { $prices }
subscription-buy = Купить Pro · { $price }
subscription-extend = Продлить на месяц · { $price }
subscription-cancel = ✖️ Отменить автопродление
subscription-cancel-confirm = Отменить автопродление? Pro действует до конца оплаченного периода; потом лишние каналы встанут на паузу (они не удаляются).
subscription-cancel-yes = Да, отменить
subscription-cancel-no = ‹ Оставить
subscription-cancelled-text = ✅ Автопродление отменено. Больше списаний не будет.
subscription-cancel-nothing = Автопродления, которое можно отменить, нет.
subscription-cancel-failed = ⚠️ Платёжный сервис не принял отмену. Попробуйте ещё раз через минуту.
subscription-method-unavailable = Этот способ оплаты недоступен.
subscription-invoice-title = LytSlot Pro — 1 месяц
subscription-invoice-description = Тариф Pro на 30 дней: до 10 каналов и API-ключи. Продлевается каждый месяц, пока вы не отмените.
subscription-pay-text = Оплатите { $price } через { $method ->
        [stars] Telegram Stars (продление каждые 30 дней, пока вы не отмените)
        [stripe] карту в Stripe (продление каждый месяц, пока вы не отмените)
       *[yookassa] ЮKassa (один месяц; чтобы продлить, оплатите снова)
    }:
subscription-pay-button = 💳 Оплатить { $price }
subscription-buy-failed = ⚠️ Платёжный сервис сейчас не отвечает. Деньги не списаны; попробуйте через минуту.
subscription-precheckout-not-owner = Оплатить Pro может только владелец этого пространства.
subscription-precheckout-price = Цена Pro изменилась. Откройте экран тарифа заново, чтобы получить новый счёт.
subscription-paid-unknown = ⚠️ Этот платёж не удалось связать с пространством, поэтому деньги возвращены.
subscription-receipt =
    🧾 <b>Чек: LytSlot Pro</b>
    Сумма: { $amount }
    Способ: { $method ->
        [stars] Telegram Stars
        [stripe] Stripe
       *[yookassa] ЮKassa
    }
    Pro действует до { $until }.{ $resumed ->
        [0] {""}
       *[other] {" "}Возобновлено каналов с паузы: { $resumed }.
    }
subscription-reminder = ⏳ Тариф Pro заканчивается { $until }. Оплатите ещё месяц, чтобы дополнительные каналы продолжали продавать рекламу.
subscription-expired = Тариф Pro закончился; теперь у пространства тариф Free.
subscription-expired-paused =
    ⏸ Тариф Pro закончился; теперь у пространства тариф Free.
    На паузе (не удалены): { $channels }. Уже забронированная реклама в них будет опубликована, как договорились; новые бронирования закрыты, пока вы не продлите Pro — тогда каналы сразу возобновятся.
subscription-open = 💎 Открыть тариф

## api keys
apikeys-button = 🔑 API-ключи
apikeys-command = API-ключи для партнёрского API
apikeys-choose =
    🔑 <b>API-ключи</b>

    Ключ позволяет вашим программам работать с LytSlot через партнёрский API. Чьи ключи открыть?
apikeys-choose-workspace = 📢 Для моих каналов
apikeys-choose-account = 🎯 Для моего аккаунта рекламодателя
apikeys-title-workspace = 🔑 <b>API-ключи ваших каналов</b>
apikeys-title-account = 🔑 <b>API-ключи вашего аккаунта рекламодателя</b>
apikeys-none = Ключей пока нет.
apikeys-line =
    • <b>{ $name }</b> · <code>lsk_live_{ $prefix }_…</code>
       создан { $created } · { $used }
apikeys-line-revoked = • <s>{ $name }</s> · <code>lsk_live_{ $prefix }_…</code> · отозван { $revoked }
apikeys-used = последнее использование { $at }
apikeys-never-used = ещё не использовался
apikeys-limit = Активных ключей: { $used } из { $limit }.
apikeys-pro-required = 💎 API-ключи для каналов входят в тариф <b>Pro</b>. Пока у пространства тариф Free, его ключи не работают.
apikeys-hint = Ключ показывается только один раз, при создании. Отзовите ключ, который больше не нужен или мог утечь: он перестанет работать со следующего запроса.
apikeys-create-button = ➕ Создать ключ
apikeys-revoke-button = 🗑 Отозвать «{ $name }»
apikeys-back = ‹ Назад
apikeys-back-to-list = ‹ К моим ключам
apikeys-ask-name = Пришлите название нового ключа (до { $max } { $max ->
        [one] символа
       *[other] символов
    }), например «CRM» или «Скрипт отчётов». /cancel — отменить.
apikeys-name-invalid = Название — от 1 до { $max } символов в одну строку. Пришлите другое название.
apikeys-created =
    ✅ Ключ «{ $name }» готов. Скопируйте его сейчас: <b>больше он показан не будет.</b>

    <code>{ $key }</code>

    Передавайте его с каждым запросом к API:
    <code>Authorization: Bearer { $key }</code>

    Храните ключ в секрете. Если он утёк, отзовите его здесь и создайте новый.
apikeys-forbidden = Управлять API-ключами пространства может только его владелец.
apikeys-too-many = У вас уже { $limit } { $limit ->
        [one] активный ключ
        [few] активных ключа
       *[many] активных ключей
    }. Отзовите один, чтобы создать новый.
apikeys-revoke-confirm = Отозвать ключ «{ $name }» (<code>lsk_live_{ $prefix }_…</code>)? Программы с ним получат отказ со следующего запроса. Отменить это нельзя.
apikeys-revoke-yes = Да, отозвать
apikeys-revoke-no = ‹ Оставить
apikeys-revoked = Ключ «{ $name }» отозван
apikeys-not-found = Этот ключ больше не активен.
webhooks-button = 🔔 Вебхуки
webhooks-title-workspace = 🔔 <b>Вебхуки ваших каналов</b>
webhooks-title-account = 🔔 <b>Вебхуки вашего рекламного аккаунта</b>
webhooks-none = Адресов пока нет.
webhooks-line = { $n }. <code>{ $url }</code> · { $events ->
        [one] { $events } событие
        [few] { $events } события
       *[other] { $events } событий
    }
webhooks-line-disabled = { $n }. <s>{ $url }</s> · ⏸ отключён
webhooks-hint = События заказов отправляются POST-запросом на ваши адреса с подписью секретом адреса (<code>LytSlot-Signature</code>). Секрет показывается один раз; после замены старый секрет подписывает ещё 24 часа. Не больше { $limit } { $limit ->
        [one] адреса
       *[other] адресов
    }.
webhooks-pro-required = 💎 Вебхуки для ваших каналов входят в тариф <b>Pro</b>.
webhooks-forbidden = Вебхуками пространства может управлять только его владелец.
webhooks-add-button = ➕ Добавить адрес
webhooks-rotate-button = 🔄 Новый секрет для { $n }
webhooks-enable-button = ▶️ Включить { $n }
webhooks-delete-button = 🗑 Удалить { $n }
webhooks-back-to-list = ‹ К моим вебхукам
webhooks-ask-url = Пришлите адрес https://, на который отправлять события заказов. /cancel — отменить.
webhooks-url-invalid = Это не адрес https:// на публичном хосте. Пришлите другой адрес.
webhooks-created =
    ✅ Адрес <code>{ $url }</code> добавлен, на него приходят все события заказов.

    Секрет подписи — скопируйте сейчас, <b>больше он показан не будет</b>:
    <code>{ $secret }</code>
webhooks-rotated =
    🔄 Новый секрет для <code>{ $url }</code> — скопируйте сейчас, <b>больше он показан не будет</b>:
    <code>{ $secret }</code>

    Прежний секрет подписывает рядом с ним ещё 24 часа.
webhooks-too-many = У вас уже { $limit } { $limit ->
        [one] адрес
        [few] адреса
       *[other] адресов
    }. Удалите один, чтобы добавить другой.
webhooks-delete-confirm = Удалить адрес <code>{ $url }</code>? На него больше ничего не отправится, история доставок будет удалена.
webhooks-delete-yes = Да, удалить
webhooks-delete-no = ‹ Оставить
webhooks-deleted = Адрес удалён
webhooks-enabled = Адрес включён
webhooks-not-found = Этого адреса больше нет.
webhooks-disabled-notice = ⏸ Адрес вебхуков <code>{ $url }</code> отключён: { $failures } доставок подряд не удались за 24 часа. Исправьте его и включите снова.
webhooks-open-button = 🔔 Вебхуки

## disputes
disputes-button-open = ⚖️ Открыть спор
disputes-ask-reason = ⚖️ Что пошло не так с этим заказом? Опишите проблему одним сообщением (до { $max } { $max ->
        [one] символа
       *[other] символов
    }). Администратор платформы разберётся. /cancel — отменить.
disputes-reason-invalid = Опишите проблему одним текстовым сообщением длиной от 1 до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
disputes-ask-evidence = Теперь пришлите одно сообщение-доказательство: скриншот, фото, документ или текст. Администратор увидит его как есть.
disputes-opened = ✅ Спор открыт. Администратор примет решение, и мы сообщим вам результат.
disputes-not-found = Этот заказ не найден среди ваших.
disputes-not-disputable = Спор можно открыть, пока заказ запланирован или опубликован, либо в течение { $days } { $days ->
        [one] дня
       *[other] дней
    } после его завершения.
disputes-window-closed = Срок для споров по этому заказу ({ $days } { $days ->
        [one] день
        [few] дня
       *[other] дней
    }) истёк.
disputes-already-open = Спор по этому заказу уже открыт — администратор примет решение.
disputes-opened-owner = ⚖️ Рекламодатель открыл спор по заказу { $order }. Расчёт по заказу подождёт решения администратора платформы.
disputes-opened-advertiser = ⚖️ Владелец канала открыл спор по заказу { $order }. Решение примет администратор платформы.
disputes-resolved-full-refund-advertiser =
    ⚖️ Спор по заказу { $order } решён: полный возврат { $amount }.
    Комментарий администратора: { $note }
disputes-resolved-full-refund-owner =
    ⚖️ Спор по заказу { $order } решён: рекламодателю возвращается вся сумма — { $amount }.
    Комментарий администратора: { $note }
disputes-resolved-partial-refund-advertiser =
    ⚖️ Спор по заказу { $order } решён: частичный возврат { $amount }. (Часть оплаты звёздами зачисляется на ваш баланс на платформе.)
    Комментарий администратора: { $note }
disputes-resolved-partial-refund-owner =
    ⚖️ Спор по заказу { $order } решён: рекламодателю возвращается { $amount }, остальное рассчитывается как обычно.
    Комментарий администратора: { $note }
disputes-resolved-no-refund-advertiser =
    ⚖️ Спор по заказу { $order } решён: без возврата.
    Комментарий администратора: { $note }
disputes-resolved-no-refund-owner =
    ⚖️ Спор по заказу { $order } решён: без возврата, заказ рассчитывается как обычно.
    Комментарий администратора: { $note }
disputes-admin-gone = Спора { $id } больше нет.
disputes-admin-card =
    ⚖️ <b>Спор { $id }</b>
    Открыл { $role ->
        [owner] владелец канала
       *[advertiser] рекламодатель
    }: { $opener }, { $opened }
    Заказ: <code>{ $order }</code> ({ $status })
    Каналы: { $channels }
    Сумма заказа: { $total }
    Оплачено: { $paid } через { $provider }; расчёт: { $settled ->
        [yes] проведён
       *[no] не проведён
    }
    Можно вернуть: { $refundable }
disputes-admin-reason = <b>Причина:</b> { $reason }
disputes-admin-evidence-below = 📎 Доказательство — сообщением под этой карточкой.
disputes-admin-button-full = 💸 Полный возврат
disputes-admin-button-part = ✂️ Частичный возврат
disputes-admin-button-none = 🚫 Без возврата
disputes-admin-ask-amount = ✂️ Ответьте суммой возврата (не больше { $max }; например, 150 или 150,50; звёзды — целыми), после неё можно добавить комментарий для обеих сторон.
disputes-admin-ask-note = Ответьте комментарием для обеих сторон к решению ({ $decision ->
        [full_refund] полный возврат
       *[no_refund] без возврата
    }).
disputes-admin-already = По этому спору уже есть решение.
disputes-admin-amount-invalid = Это не сумма: нажмите кнопку на карточке ещё раз и ответьте числом вроде 150 или 150,50 (звёзды — целыми).
disputes-admin-amount-too-large = Слишком много: вернуть можно не больше { $max }. Нажмите кнопку ещё раз.
disputes-admin-nothing = По этому заказу возвращать уже нечего.
disputes-admin-refund-failed = Платёжная система отклонила возврат; спор остаётся открытым. Попробуйте позже.
disputes-admin-not-yet = Частичный возврат назначается, когда срок показа рекламы закончится (сначала проводится расчёт). До тех пор — полный возврат или без возврата.
disputes-admin-refunded = 💸 Возвращено по решению: { $amount }
disputes-admin-done = Готово: { $decision ->
        [full_refund] полный возврат
        [partial_refund] частичный возврат
       *[no_refund] без возврата
    }, { $amount }.

## admin-ops (admin chat: blocks, look-ups, audit view, platform stats; notices about blocks)
admin-ops-order-cancelled-paid = ⛔ Ваш заказ { $order } в «{ $channel }» отменён: LytSlot заблокировал канал ({ $reason }). Оплата возвращается полностью.
admin-ops-order-cancelled-unpaid = ⛔ Ваш неоплаченный заказ { $order } в «{ $channel }» отменён, слоты освобождены: LytSlot заблокировал канал ({ $reason }).
admin-ops-channel-blocked-owner = ⛔ LytSlot заблокировал ваш канал «{ $channel }»: { $reason }. Он убран из каталога; отменено предстоящих заказов: { $count }, рекламодателям вернули деньги. Если это ошибка, напишите в поддержку через /help.
admin-ops-channel-unblocked-owner = ✅ LytSlot снял блокировку с «{ $channel }». Канал снова в продаже.
admin-ops-account-blocked = ⛔ Ваш аккаунт в LytSlot заблокирован: { $reason }. Бронировать рекламу и добавлять каналы нельзя; если это ошибка, напишите в поддержку.
admin-ops-account-unblocked = ✅ Ваш аккаунт в LytSlot разблокирован. С возвращением!
admin-ops-order-refunded-by-admin = 💸 LytSlot полностью возвращает оплату заказа { $order }: { $reason }.
admin-ops-booking-blocked = ⛔ Ваш аккаунт заблокирован, бронировать рекламу нельзя: { $reason }
admin-ops-ref-bad = Не понимаю «{ $ref }». Укажите id, короткий id, Telegram id или @username.
admin-ops-ref-not-found = По «{ $ref }» ничего не найдено.
admin-ops-ref-ambiguous = Под «{ $ref }» подходит несколько объектов — укажите id длиннее.
admin-ops-target-gone = Этого объекта больше нет.
admin-ops-already-blocked = Уже заблокирован.
admin-ops-not-blocked = Он не заблокирован.
admin-ops-reason-invalid = Причина — от 3 до 500 символов. Ответьте на запрос ещё раз.
admin-ops-block-usage =
    Как вызвать:
    <code>/block channel @username причина</code>
    <code>/block user 123456789 причина</code>
admin-ops-unblock-usage =
    Как вызвать:
    <code>/unblock channel @username</code>
    <code>/unblock user 123456789</code>
admin-ops-channel-blocked = ⛔ Канал <b>{ $channel }</b> заблокирован: { $reason }
    Отменено заказов: { $cancelled } · возвращено: { $refunded } · возврат в ожидании (повторится автоматически): { $pending }
admin-ops-user-blocked = ⛔ Пользователь <code>{ $user }</code> заблокирован: { $reason }
admin-ops-channel-unblocked = ✅ Канал <b>{ $channel }</b> разблокирован и снова в продаже.
admin-ops-user-unblocked = ✅ Пользователь <code>{ $user }</code> разблокирован.
admin-ops-order-usage = Как вызвать: <code>/order 1a2b3c4d</code> (id или короткий id)
admin-ops-channel-usage = Как вызвать: <code>/channel @username</code> (или chat id, или id)
admin-ops-user-usage = Как вызвать: <code>/user 123456789</code> (Telegram id, @username или id)
admin-ops-plan = { $plan ->
        [pro] Pro
       *[free] Free
    }
admin-ops-provider = { $provider ->
        [stars] Telegram Stars
        [stripe] Stripe
        [yookassa] ЮKassa
       *[balance] баланс
    }
admin-ops-payment-status = { $status ->
        [pending] ожидает
        [succeeded] оплачен
        [failed] не прошёл
        [cancelled] отменён
        [refunded] возвращён
       *[partially_refunded] возвращён частично
    }
admin-ops-order-payment = • { $provider }: { $status }, { $amount } (возвращено { $refunded })
admin-ops-order-card =
    🧾 <b>Заказ</b> <code>{ $id }</code>
    Статус: <b>{ $status }</b>{ $reason ->
        [none] {""}
       *[other] {" "}({ $reason })
    }
    Сумма: { $total } · возвращено: { $refunded }
    Слотов: { $items } в { $channels }
    Рекламодатель: { $advertiser }
    Владелец: { $owner }
    Создан: { $created } · оплачен: { $paid }
    Платежи:
    { $payments }
    Споры: { $disputes }
admin-ops-channel-card =
    📢 <b>{ $title }</b> { $username }
    Id: <code>{ $id }</code> · чат <code>{ $chatId }</code>
    Статус: <b>{ $status }</b>
    Подписчиков: { $subscribers } · тариф { $plan }
    Владелец: { $owner }
    Продано заказов: { $sold } · предстоит: { $upcoming } · с возвратами: { $refunded }
    Опубликовано: { $published } · нарушений: { $violations }
    Продажи: { $sales }
    Добавлен: { $created }
admin-ops-user-card =
    👤 { $person }
    Id: <code>{ $id }</code> · язык { $language } · с { $created }
    { $blocked }
    Пространств: { $workspaces } · каналов: { $channels }
    Заказов: { $orders } (оплачено { $sold }) · потрачено: { $spent }
    Открыто споров: { $disputes }
admin-ops-user-blocked-line = ⛔ Заблокирован с { $at }: { $reason }
admin-ops-user-not-blocked = Не заблокирован.
admin-ops-button-audit = 📜 Аудит
admin-ops-button-refund = 💸 Вернуть деньги
admin-ops-button-block = ⛔ Заблокировать
admin-ops-button-unblock = ✅ Разблокировать
admin-ops-button-newer = ◀️ Новее
admin-ops-button-older = Старее ▶️
admin-ops-audit-header = 📜 <b>Аудит: { $kind }</b> <code>{ $id }</code> — записей: { $total }, страница { $page }/{ $pages }
admin-ops-audit-empty = Записей аудита пока нет.
admin-ops-audit-usage = Как вызвать: <code>/audit order|channel|user|payout|dispute id</code>
admin-ops-prompt-block-channel = ⛔ Почему блокируем канал { $id }? Ответьте на это сообщение причиной (3–500 символов).
admin-ops-prompt-block-user = ⛔ Почему блокируем пользователя { $id }? Ответьте на это сообщение причиной (3–500 символов).
admin-ops-prompt-refund = 💸 Почему возвращаем всю оплату заказа { $id }? Ответьте на это сообщение причиной (3–500 символов).
admin-ops-reason-placeholder = Причина
admin-ops-refund-done = 💸 Оплата заказа { $order } возвращена полностью.
admin-ops-refund-pending = ⏳ Платёжная система ещё не подтвердила возврат по заказу { $order }; попытка повторится автоматически.
admin-ops-refund-nothing = По этому заказу возвращать больше нечего.
admin-ops-refund-publishing = Реклама публикуется прямо сейчас — попробуйте через несколько минут.
admin-ops-refund-running = Реклама сейчас в эфире или по ней идёт спор, расчёта ещё не было: полный возврат вернул бы и уже оказанную услугу. Решите это спором (частичный или полный возврат) или дождитесь завершения заказа.
admin-ops-stats-usage = Как вызвать: <code>/stats day|week|month</code>
admin-ops-stats-no-data = нет данных
admin-ops-stats-period-day = дням
admin-ops-stats-period-week = неделям
admin-ops-stats-period-month = месяцам
admin-ops-stats-chart-gmv = GMV по { $period }
admin-ops-stats-chart-revenue = Выручка платформы по { $period }
admin-ops-stats-charts-unavailable = ⚠️ Графики сейчас недоступны (сервис графиков не ответил).
admin-ops-stats-top-channel = { $n }. { $title }{ $username } — заказов: { $orders }, { $sales }
admin-ops-stats-top-advertiser = { $n }. { $name }{ $username } (<code>{ $telegramId }</code>) — заказов: { $orders }, { $spent }
admin-ops-stats-summary =
    📊 <b>Статистика платформы</b> по { $period } (интервалов: { $buckets }, { $from } … { $to } UTC)
    GMV (оплаченные заказы): { $gmv }
    Выручка платформы (комиссии и подписки): { $revenue }
    Возвраты: { $refunds }
    Оплаченных заказов: { $paidOrders } · с возвратами: { $refundedOrders } ({ $orderRate } %)
    Активных каналов: { $activeChannels } · активных рекламодателей: { $activeAdvertisers }

    <b>Топ каналов</b>
    { $topChannels }

    <b>Топ рекламодателей</b>
    { $topAdvertisers }

## pay-core (payment methods, external payments, receipts, /paysupport)
checkout-method-stars = ⭐ Telegram Stars — { $amount }
checkout-method-stripe = 💳 Картой (Stripe) — { $amount }
checkout-method-yookassa = 💳 ЮKassa (карты, СБП) — { $amount }
checkout-choose-method = Выберите способ оплаты. Слоты остаются за вами, пока вы платите; деньги хранятся на эскроу до выхода рекламы.
checkout-error-method = этот способ оплаты недоступен для заказа в этой валюте.
checkout-external-unavailable = ⚠️ Платёжный сервис не ответил. Попробуйте через минуту или оплатите звёздами Telegram.
checkout-external-button = 💳 Оплатить { $amount }
checkout-external-link =
    🔗 Оплатите <b>{ $amount }</b> за { $channels } { $method ->
        [stripe] картой (Stripe)
       *[other] через ЮKassa
    } — нажмите кнопку ниже.
    Пока платёж подтверждается, слоты остаются за вами. Чек придёт сюда.
checkout-payment-failed-held = ⚠️ Оплата заказа { $order } отменена. Слоты ещё несколько минут за вами: откройте 🧾 Мои заказы, чтобы оплатить снова.
checkout-payment-failed-expired = ⚠️ Оплата заказа { $order } отменена или истекла, а бронь слотов закончилась. Слоты освобождены — забронируйте их заново.
receipt-payment =
    🧾 <b>Чек</b> — заказ { $order }
    Каналы: { $channels }
    Оплачено: <b>{ $amount }</b>, способ: { $method ->
        [stars] звёзды Telegram
        [stripe] карта (Stripe)
       *[other] ЮKassa
    }
    После выхода рекламы: 80 % получает владелец канала, комиссия платформы { $fee } (20 %). До этого деньги хранятся на эскроу.
    Дата: { $date }
    Платёж: <code>{ $payment }</code>
receipt-refund =
    🧾 <b>Чек возврата</b> — заказ { $order }
    Возвращено: <b>{ $amount }</b> { $method ->
        [stars] на ваш баланс звёзд Telegram
        [stripe] на карту (Stripe)
       *[other] тем же способом (ЮKassa)
    }
    Дата: { $date }
    Платёж: <code>{ $payment }</code>
receipt-refund-credit =
    🧾 <b>Чек возврата</b> — заказ { $order }
    <b>{ $amount }</b> зачислено на ваш баланс у нас (звёзды Telegram нельзя вернуть частично).
    Дата: { $date }
    Платёж: <code>{ $payment }</code>
paysupport-command = Оплата и возвраты
paysupport-text =
    💳 <b>Оплата и возвраты</b>

    Платить можно звёздами Telegram, картой (Stripe — для каналов в USD/EUR) или через ЮKassa (для каналов в рублях). Деньги хранятся на эскроу и попадают к владельцу канала только после того, как реклама вышла как договаривались.

    • Отмена до одобрения владельцем — полный возврат.
    • Владелец отклонил заказ, не ответил вовремя или реклама не вышла — полный возврат.
    • Пост удалён раньше срока или формат нарушен — нарушенная часть возвращается пропорционально.
    • Звёзды Telegram возвращаются только целиком: частичный возврат оплаты звёздами зачисляется на ваш баланс у нас.

    К каждой оплате и возврату приходит чек в этот чат. Вопрос по оплате? Напишите нам через /support и укажите номер заказа из чека.
receipt-refund-pending = ⏳ { $method ->
        [stripe] Stripe
       *[other] ЮKassa
    } пока не подтвердил возврат по заказу { $order }. Мы повторяем попытки автоматически, пока деньги не вернутся; чек возврата придёт сюда.

receipt-refund-failed =
    ⚠️ <b>Возврат на карту не прошёл</b> — заказ { $order }
    { $method ->
        [stripe] Stripe
       *[other] ЮKassa
    } не смог вернуть <b>{ $amount }</b> на вашу карту (причина: { $reason }). Деньги не потерялись: они зачислены на ваш баланс у нас и пойдут в оплату следующих заказов. Хотите получить их иначе? Напишите в /support и укажите номер заказа.
    Дата: { $date }
    Платёж: <code>{ $payment }</code>

## refunds made outside the app (Stripe dashboard, YooKassa cabinet; docs/payments.md)
refund-outside-cancelled-advertiser =
    ↩️ Заказ { $order } в { $channels } отменён: оплата <b>{ $amount }</b> полностью возвращена через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    }. Публикаций не будет.
refund-outside-cancelled-owner =
    ↩️ Заказ { $order } в { $channels } отменён: оплата рекламодателя полностью возвращена через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    }. Публикаций не будет, слоты снова свободны.
refund-outside-stopped-advertiser =
    ↩️ Оплата <b>{ $amount }</b> за заказ { $order } в { $channels } полностью возвращена через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    }. Ещё не вышедшие публикации отменены; уже вышедшие остаются до запланированного удаления.
refund-outside-stopped-owner =
    ↩️ Оплата заказа { $order } в { $channels } полностью возвращена рекламодателю через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    }. Ещё не вышедшие публикации отменены, их слоты освобождены; заказ ничего не приносит, поэтому уже вышедшие публикации не оплачиваются. Вопросы: /support.
refund-outside-settled-owner =
    ↩️ <b>{ $amount }</b> по заказу { $order } в { $channels } возвращено рекламодателю через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    } уже после расчёта. Ваша доля этой суммы списывается с вашего баланса (если она уже выплачена, её покроют следующие доходы). Вопросы: /support.
refund-outside-partial-owner =
    ↩️ <b>{ $amount }</b> из оплаты заказа { $order } в { $channels } возвращено рекламодателю через { $method ->
        [stars] Telegram
        [stripe] Stripe
       *[other] ЮKassa
    }. Заказ продолжается; ваш доход по нему считается с оставшейся суммы.

## balance & payouts (owner balance screen, payout requests, payout receipts, admin payout card)
balance-menu-button = 💰 Баланс и выплаты
balance-command = Баланс, доходы и выплаты
balance-title = 💰 <b>Баланс и выплаты</b>
balance-empty = Заработка пока нет. Деньги за заказы появятся здесь после оплаты и станут доступны, когда реклама отработает свой срок.
balance-currency = <b>{ $currency }</b>
balance-available = Доступно к выводу: <b>{ $amount }</b>
balance-pending = В ожидании (оплаченные, ещё не завершённые заказы): { $amount }
balance-paying-out = Выплачивается: { $amount }
balance-receivable = ⚠️ Ваш долг: { $amount } — заказ вернули покупателю уже после выплаты вам. Следующий заработок сначала погасит его.
balance-earned-title = Заработано по месяцам (UTC):
balance-earned-line = • { $month }: { $amount }
balance-minimum = Минимальная выплата: { $amount }
balance-open-request = ⏳ Заявка на выплату в этой валюте уже в работе. Следующую можно подать, когда она завершится.
balance-history-empty = Выплат пока не было.
balance-history-title = <b>Выплаты</b>
balance-history-line = • { $date } — { $amount } — { $status ->
    [requested] ждёт одобрения
    [approved] одобрена, перевод в пути
    [paid] выплачено ✅
    [rejected] отклонена ❌
   *[other] отменена
  }
balance-button-request = 💸 Запросить выплату ({ $currency })
balance-button-refresh = 🔄 Обновить
balance-button-back = 💰 Баланс и выплаты
balance-forbidden = Баланс и выплаты доступны только владельцу рабочего пространства.
balance-nothing-to-request = В этой валюте пока недостаточно средств для выплаты.
balance-ask-amount = Сколько вывести? Доступно: <b>{ $available }</b>, минимум: { $minimum }.
    Пришлите сумму (например, 1500 или 1500,50) или нажмите кнопку, чтобы вывести всё.
balance-button-all = Всё ({ $amount })
balance-amount-invalid = Это не сумма. Пришлите число, например 1500 или 1500,50 (звёзды — целым числом).
balance-amount-below-minimum = Минимальная выплата — { $minimum }. Пришлите сумму побольше.
balance-amount-too-large = Вывести можно не больше { $available }. Пришлите сумму поменьше.
balance-method = { $method ->
    [card] 💳 Банковская карта
    [bank] 🏦 Банковский перевод
    [crypto] 🪙 Криптовалюта (USDT)
   *[other] ✍️ Другое
  }
balance-ask-method = Куда отправить деньги?
balance-stars-note = ⭐ Заработок в звёздах платформа тоже выплачивает вручную — деньгами на указанные вами реквизиты, по курсу на день перевода.
balance-method-buttons = Пожалуйста, выберите одну из кнопок выше.
balance-ask-details = Пришлите реквизиты для способа «{ balance-method }» одним сообщением (от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }): номер карты, счёт и банк, адрес кошелька и сеть — всё, что нужно для перевода.
balance-details-invalid = Реквизиты — одно текстовое сообщение длиной от { $min } до { $max } { $max ->
        [one] символа
       *[other] символов
    }. Пришлите их ещё раз.
balance-confirm = Проверьте заявку:
    Сумма: <b>{ $amount }</b>
    Способ: { balance-method }
    Реквизиты: <code>{ $details }</code>
    Команда платформы проверит заявку и переведёт деньги вручную; после выплаты придёт чек.
balance-button-confirm = ✅ Запросить выплату
balance-button-drop = ✖️ Отмена
balance-dropped = Заявка не отправлена.
balance-requested = ✅ Заявка на выплату <b>{ $amount }</b> отправлена. Команда платформы её рассмотрит; мы напишем, когда деньги будут в пути.
balance-payout-approved = ✅ Выплата <b>{ $amount }</b> одобрена. Перевод на { $destination } уже в пути.
balance-payout-rejected = ❌ Заявка на выплату <b>{ $amount }</b> отклонена: { $reason }
    Деньги снова доступны в разделе 💰 Баланс и выплаты.
balance-payout-receipt = 🧾 <b>Чек о выплате</b>
    Сумма: <b>{ $amount }</b>
    Комиссия: { $fee }
    Способ: { balance-method }
    Куда: { $destination }
    Дата: { $date }
balance-admin-gone = Выплаты { $id } больше нет.
balance-admin-card = 💸 <b>Заявка на выплату</b> <code>{ $id }</code>
    Пространство: { $workspace }
    Владелец: { $owner }
    Сумма: <b>{ $amount }</b>
    Способ: { balance-method }
    Реквизиты: <code>{ $details }</code>
    Доступно сейчас: { $available }
    Запрошено: { $requested }{ $stars ->
        [yes] {""}
            ⭐ Заработок в звёздах: переведите денежный эквивалент вручную.
       *[no] {""}
    }
balance-admin-approved-line = ✅ Одобрено: { $admin }, { $time }. Сделайте перевод и нажмите «Выплачено».
balance-admin-button-approve = ✅ Одобрить
balance-admin-button-reject = ❌ Отклонить
balance-admin-button-paid = 💸 Выплачено
balance-admin-already = По этой выплате уже принято решение.
balance-admin-insufficient = Недостаточно средств: у владельца сейчас доступно { $available }. Отклоните заявку или подождите.
balance-admin-ask-reason = Почему отклонена выплата { $amount }? Ответьте на это сообщение — владелец увидит причину.
balance-admin-approved = Одобрено. Сделайте перевод и нажмите «Выплачено».
balance-admin-paid = Отмечено как выплаченное; владелец получил чек.
balance-admin-rejected = Отклонено; владелец получил причину.

## admin-core (admin chat: guard, moderation cards, reasons, /moderation, /adminlang)
admin-refused = ⛔ Здесь это могут делать только администраторы LytSlot. Попытка записана в журнал.
admin-card-closed = По этой карточке уже принято решение.
admin-card-gone = ⚠️ Объект этой карточки больше не существует (<code>{ $id }</code>).
admin-card-gone-short = Объект этой карточки больше не существует.
admin-card-moot = Решение больше не требуется (всё завершилось иначе): карточка закрыта.
admin-card-moot-state = Сейчас: { $state ->
    [gone] объекта больше нет
    [cancelled] отменён
    [rejected] отклонён
    [refunded] возвращён
    [expired] истёк
    [failed] не состоялся
    [active] активен
    [paused] на паузе
    [blocked] заблокирован
    [resolved] решён
    [paid] выплачен
    [published] опубликован
   *[other] { $state }
}
admin-card-decided = { $mark } <b>{ $decision }</b> — { $admin }, { $time } UTC
admin-card-reason = Причина: { $reason }
admin-decision = { $decision ->
    [approved] Одобрено
    [rejected] Отклонено
    [published] Отмечено как опубликованное
    [not_published] Не опубликовано
    [paid] Выплачено
    [full_refund] Полный возврат
    [partial_refund] Частичный возврат
    [no_refund] Без возврата
    [cancelled] Закрыто: заказ отменён
    [blocked] Заблокировано
    [moot] Закрыто: решение больше не требуется
    [recorded] Зачислено сверкой
    [refunded] Возвращено сверкой
    [refund_pending] Зачислено; возврат повторяется
   *[other] { $decision }
}
admin-done = Готово.
admin-reason-asked = Ответьте на сообщение бота, указав причину.
admin-reason-placeholder = Причина
admin-reason-invalid = Ответьте текстом длиной до { $max } { $max ->
        [one] символа
       *[other] символов
    }.
admin-ask-reason = ✍️ Ответьте на это сообщение причиной отказа (её увидит владелец).
admin-ask-reason-advertiser = ✍️ Ответьте на это сообщение причиной отказа (её увидит рекламодатель; заказ будет возвращён полностью).
admin-button-approve = ✅ Одобрить
admin-button-reject = ❌ Отклонить
admin-button-published = 📣 Пост вышел
admin-button-not-published = 🚫 Не вышел — вернуть деньги
admin-channel-card =
    🆕 <b>Новый канал ждёт одобрения</b>
    { $title } ({ $username }), id <code>{ $chatId }</code>
    Подписчиков: { $subscribers }
    Категория: { $category } · язык: { $language }
    Владелец: { $owner } { $ownerUsername } (id <code>{ $ownerId }</code>)
admin-creative-card =
    🎨 <b>Пост ждёт модерации</b> — заказ <code>{ $order }</code>
    Рекламодатель: { $advertiser } (id <code>{ $advertiserId }</code>)
    Вариантов: { $variants } (превью ниже)
admin-creative-reason = { $reason ->
    [first_time] • Первый заказ этого рекламодателя
    [flagged] • Автоматическая проверка пометила пост
   *[other] • { $reason }
}
admin-creative-flag = ⚠️ Вариант { $variant }: { $source } / { $code } — { $detail }
admin-placement-card =
    ❓ <b>Публикация не подтверждена</b> — заказ <code>{ $order }</code>
    Канал: { $channel } ({ $username })
    Слот: { $due } · формат { $format }
    Отправка начата: { $attempt }
    Последняя ошибка: { $error }
    Бот мог опубликовать рекламу и упасть до записи результата. Проверьте канал.
admin-placement-ask-link = ✍️ Ответьте ссылкой на пост в канале (t.me/…/123) или его номером сообщения.
admin-placement-bad-link = Это не ссылка на пост и не номер сообщения.
admin-stars-charge-card =
    ⭐ <b>Оплата звёздами, о которой бот не узнал</b>
    Она есть в транзакциях Telegram, но её обновление об оплате не было обработано.
    Платёж: <code>{ $charge }</code>
    Плательщик: { $payer }
    Сумма: { $amount } · оплачено { $paid }
    За что: { $target }
admin-stars-charge-target = { $kind ->
    [order] заказ <code>{ $id }</code>
    [subscription] Pro пространства <code>{ $id }</code>
   *[other] ничего нашего (payload <code>{ $payload }</code>)
}
admin-parked-card =
    🧯 <b>Обновление не удалось обработать</b> — update <code>{ $update }</code>
    Тип: { $kind } · чат <code>{ $chat }</code>
    Получено: { $received } · попыток: { $attempts }
    Последняя ошибка: { $error }
    Повторите, когда причина устранена, или отклоните.
admin-button-retry = 🔁 Повторить
admin-button-dismiss = 🗑 Отклонить
admin-parked-retried = Снова в очереди: бот возьмёт его в течение минуты.
admin-moderation-usage = Использование: /moderation on | off
admin-moderation-on = 🛡 Премодерация <b>включена</b>: новые каналы и посты новых или помеченных проверкой рекламодателей ждут администратора.
admin-moderation-off = 🛡 Премодерация <b>выключена</b>: новые каналы сразу попадают в каталог, а оплаченные посты — к владельцам.
admin-language-usage = Использование: /adminlang ru | en
admin-language-set = Теперь админ-чат говорит по-русски.
admin-channel-pending = 🕓 Канал «{ $channel }» ждёт проверки модератором LytSlot. Он появится в каталоге после одобрения, а пока его можно настроить.
admin-channel-approved = ✅ Канал «{ $channel }» одобрен и теперь есть в каталоге.
admin-channel-approved-plan = ✅ Канал «{ $channel }» одобрен, но пока на паузе: лимит каналов вашего тарифа исчерпан. Продлите Pro — и он сразу появится в каталоге.
admin-channel-rejected = ❌ Канал «{ $channel }» не прошёл проверку. Причина: { $reason }
admin-creative-pending = 🕓 Оплата получена. Пост проверяет модератор LytSlot, затем он уйдёт владельцу канала. Мы сообщим о результате.
admin-creative-rejected = ❌ Модератор LytSlot отклонил ваш пост для «{ $channel }». Причина: { $reason }. Оплата будет возвращена полностью.

## advertiser balance
adv-balance-button = 💰 Мой баланс
adv-balance-title = 💰 <b>Мой баланс</b>
adv-balance-empty = На балансе пока ничего нет. Сюда зачисляется часть оплаты, которая возвращается вам балансом (например, если реклама провисела меньше оплаченного).
adv-balance-available = Доступно: <b>{ $amount }</b>
adv-balance-movements = <b>Последние операции</b>
adv-balance-movement = { $date } · { $kind ->
        [paid] −{ $amount }, оплата заказа #{ $order }
       *[other] +{ $amount }, зачисление по заказу #{ $order }
    }
adv-balance-how = Балансом можно оплатить заказ при оформлении, если его хватает на весь заказ: в валюте заказа или звёздами на его стоимость в звёздах. Частичная оплата с баланса невозможна.
checkout-method-balance = 💰 Оплатить с баланса — { $amount }
checkout-balance-insufficient = ⚠️ Баланса не хватает на весь заказ, поэтому оплатить его с баланса нельзя. Ничего не списано — выберите другой способ оплаты.
checkout-balance-paid = ✅ Заказ { $order } оплачен с баланса: <b>{ $amount }</b>. Чек придёт следом.
receipt-payment-balance =
    🧾 <b>Чек</b> — заказ { $order }
    Каналы: { $channels }
    Оплачено: <b>{ $amount }</b> с вашего баланса у нас
    После выхода рекламы: 80 % получает владелец канала, комиссия платформы { $fee } (20 %). До этого деньги хранятся на эскроу.
    Дата: { $date }
    Платёж: <code>{ $payment }</code>
receipt-refund-balance =
    🧾 <b>Чек возврата</b> — заказ { $order }
    <b>{ $amount }</b> возвращено на ваш баланс у нас (заказ был оплачен с него).
    Дата: { $date }
    Платёж: <code>{ $payment }</code>

## analytics (the owner dashboard: «📊 Statistics», /analytics)
analytics-command = Статистика моих каналов
analytics-menu-button = 📊 Статистика
analytics-no-workspace = Статистика — для владельцев каналов: сначала добавьте канал (/start → «У меня есть каналы»).
analytics-unknown-channel = Это не ваш канал.
analytics-title = 📊 <b>Статистика</b> — { $scope } · за { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[many] последние { $days } дней
    }
analytics-scope-all = все каналы
analytics-revenue = 💰 <b>Выручка</b> (рассчитанная): { $lines }
analytics-revenue-line = всего { $gross }, ваша доля { $net }
analytics-revenue-none = 💰 <b>Выручка</b>: за период расчётов не было
analytics-fill = 📅 <b>Заполненность</b>: { $percent }% (продано слотов: { $sold } из { $offered })
analytics-prices-title = 🏷 <b>Средняя цена по форматам</b>
analytics-price-line = { $format }: { $price } (продано: { $sold })
analytics-prices-none = 🏷 <b>Средняя цена</b>: за период ничего не продано
analytics-advertisers-title = 👥 <b>Топ рекламодателей</b>
analytics-advertiser-line = { $n }. { $name } — { $spent } (заказов: { $orders })
analytics-activity = 🔗 <b>Переходы и подписки</b>: переходов { $clicks } (уникальных { $unique }) · подписались { $joins } · отписались { $leaves }
analytics-placement-line = • { $channel }, { $when }: переходов { $clicks } (уникальных { $unique }) · подписались { $joins } (отписались за 24 ч: { $leftDay }) · реакций { $reactions }
analytics-placement-not-out = ещё не вышел
analytics-growth-title = 📈 <b>Рост каналов</b> (подписчики)
analytics-growth-line = { $title }: { $from } → { $to } ({ $change })
analytics-growth-none = 📈 <b>Рост каналов</b>: ещё не измерялся (бот считает подписчиков раз в день)
analytics-chart-title = Переходы и подписки по дням
analytics-button-period = { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
    }
analytics-button-all = Все каналы
analytics-button-chart = 📈 График
analytics-csv-button-pro = ⬇️ Выгрузки CSV (Pro)
analytics-csv-button-orders = ⬇️ Заказы
analytics-csv-button-placements = ⬇️ Посты
analytics-csv-button-payouts = ⬇️ Выплаты
analytics-csv-button-daily = ⬇️ По дням
analytics-csv-pro-required = 💎 Выгрузки статистики в CSV — в тарифе Pro: см. /plan.
analytics-csv-name-orders = Заказы
analytics-csv-name-placements = Посты: переходы, подписки и реакции
analytics-csv-name-payouts = Выплаты
analytics-csv-name-daily = Переходы и подписки по каналам и дням
analytics-csv-scope-workspace = всё рабочее пространство
analytics-csv-caption = ⬇️ <b>{ $name }</b> — { $scope } · за { $days ->
        [one] последний { $days } день
        [few] последние { $days } дня
       *[many] последние { $days } дней
    }
analytics-csv-period = { $from } – { $to }
analytics-csv-rows = Строк: { $rows }
analytics-csv-empty = За этот период строк нет: в файле только заголовок.

## views (the owner reports a post's views: vw:report; the advertiser's screenshot: vw:show)
views-ask = 👁 Сколько просмотров сейчас у рекламного поста в <b>{ $channel }</b> ({ $when })? Пришлите число из-под поста.
views-invalid = Пришлите число просмотров цифрами, например 1250.
views-too-many = Столько просмотров не бывает. Пришлите число из-под поста.
views-ask-screenshot = 📷 Пришлите скриншот поста со счётчиком просмотров: рекламодатель увидит его как подтверждение. Или продолжите без него.
views-skip = ⏭ Без скриншота
views-screenshot-only = Пришлите скриншот фотографией или нажмите «⏭ Без скриншота».
views-saved = ✅ Сохранено: просмотров { $views }, CTR { $ctr }{ $evidence ->
        [yes] , со скриншотом
       *[no] {""}
    }. Рекламодатель увидит их в отчёте.
views-not-found = Для этого поста нельзя указать просмотры: он ещё не вышел или он не в ваших каналах.
views-no-screenshot = Владелец не прислал скриншот просмотров.
views-screenshot-caption = 👁 Скриншот владельца: просмотров { $views }.
notify-button-report-views = 👁 Указать просмотры поста
orders-report-views = 👁 Просмотров { $views } (со слов владельца) · CTR { $ctr }
orders-report-ctr = 👁 Где владелец указал просмотры: CTR { $ctr } (переходов { $clicks }, просмотров { $views })
orders-button-views-proof = 🖼 Скриншот просмотров — { $channel }
