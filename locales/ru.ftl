# LytSlot Pro — русский. Ключи `<feature>-<message>`; каждый ключ есть и в en.ftl.
# Сообщения отправляются с parse_mode HTML: литеральные символы пишите как &amp; &lt; &gt;.

## /start и меню ролей
start-welcome =
    👋 Привет, { $name }! Это <b>LytSlot</b> — биржа рекламы в Telegram-каналах.

    Владельцы каналов продают рекламные слоты, рекламодатели бронируют и оплачивают их, а бот сам публикует каждую рекламу вовремя и проверяет, что она провисела как обещано.

    Кто вы здесь?
start-channel-link =
    🔗 Вы открыли ссылку на бронирование в канале. Бронирование по ссылкам скоро откроется, а пока — что умеет LytSlot.
start-role-owner = 📢 У меня есть каналы
start-role-advertiser = 🎯 Я рекламодатель
start-role-help = ❓ Помощь
start-back = ‹ Назад
start-owner-text =
    📢 <b>Владельцам каналов</b>

    • Добавьте канал: сделайте бота администратором с правом публикации — он проверит ваши права.
    • Настройте расписание, форматы (например, 1/24: час в топе, сутки в ленте) и цены.
    • Одобряйте заказы — бот сам опубликует рекламу в забронированное время.
    • Деньги приходят после того, как реклама провисела как обещано; доходы и графики — в боте.

    Начните с кнопки «Добавить канал» ниже.
start-advertiser-text =
    🎯 <b>Рекламодателям</b>

    • Ищите каналы в каталоге по тематике, языку, аудитории и цене.
    • Бронируйте свободные слоты, присылайте пост ровно в том виде, в каком он должен выйти, и платите Telegram Stars или картой.
    • Бот публикует рекламу, проверяет, что она не удалена раньше срока, и возвращает деньги, если канал нарушил условия.
    • Следите за каждым заказом и получайте отчёт с кликами и новыми подписчиками.

    Каталог каналов скоро откроется. Мы сообщим об этом здесь.

## /help и обращение в поддержку
help-text =
    ❓ <b>Помощь LytSlot</b>

    LytSlot — биржа рекламы в Telegram-каналах: владельцы продают слоты, рекламодатели бронируют и платят, бот публикует и проверяет каждое размещение.

    <b>Команды</b>
    /start — главное меню
    /help — эта справка
    /language — сменить язык
    /cancel — отменить текущее действие

    Есть вопрос? Нажмите «Написать в поддержку» и отправьте одно сообщение.
help-ask-support = ✉️ Написать в поддержку
help-back = ‹ Назад
support-ask =
    ✉️ Напишите ваш вопрос одним сообщением (только текст, до { $max } символов).

    Чтобы отменить, отправьте /cancel.
support-text-only = Пожалуйста, отправьте вопрос текстом. Стикеры, фото и файлы в поддержку не передаются. /cancel — отменить.
support-too-long = В сообщении { $length } символов, а можно не больше { $max }. Сократите его и отправьте ещё раз.
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
commands-help = Помощь и поддержка
commands-language = Сменить язык
commands-cancel = Отменить текущее действие

## Selling settings (sell:*)
selling-summary =
    ⚙️ <b>Настройки продаж — { $title }</b>

    🌍 Часовой пояс: { $timezone }
    🗓 Расписание: { $schedule }
    💰 Цены ({ $currency }): { $prices }
    📌 Закреп: { $pinned }
    ⏱ Минимум до публикации: { $lead }
    📆 Горизонт бронирования: { $horizon } дн.
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
selling-bundle-value = от { $slots } слотов −{ $percent } %
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
    Сейчас: { $review }. При ручной модерации заказ без ответа в срок отклоняется, а деньги возвращаются.
selling-ask-timezone = Пришлите название часового пояса из списка IANA, например <code>Europe/Moscow</code> или <code>Asia/Tbilisi</code>. Сейчас: { $current }.
selling-ask-lead = За сколько до слота нужно успеть оформить заказ? Например <code>2h</code>, <code>90m</code> или <code>30</code> (минуты). Сейчас: { $current }.
selling-ask-horizon = На сколько дней вперёд можно бронировать (1–90)? Сейчас: { $current }.
selling-ask-blackout = Пришлите дату без рекламы (<code>2026-12-31</code> или <code>31.12</code>). Дата, которая уже есть в списке, будет из него удалена. Сейчас: { $current }.
selling-ask-maxday = Сколько реклам в день максимум (1–96)? <code>0</code> — без ограничения. Сейчас: { $current }.
selling-ask-description = Пришлите описание для каталога (до { $max } символов; <code>-</code> — очистить). Сейчас: { $current }
selling-ask-bundle = Пришлите скидку за пакет двумя числами: от скольки слотов и сколько процентов, например <code>3 10</code> (от 3 слотов −10 %). <code>0</code> — выключить. Сейчас: { $current }.
selling-ask-pinned = Пришлите срок закрепа в часах и цену в { $currency }, например <code>24 1500</code>. Сейчас: { $current }.
selling-ask-price = Пришлите цену формата { $format } в { $currency }, например <code>1500</code> или <code>1500,50</code>. Сейчас: { $current }.
selling-ask-times = Пришлите время публикаций, например <code>9:00, 13:30, 18:00</code>. Сейчас: { $current }.
selling-ask-windows = Пришлите окна, например <code>10:00-14:00, 16:00-22:00</code> (слот каждые { $step } мин). Сейчас: { $current }.
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
selling-error-too-long = В тексте { $length } символов, а можно не больше { $max }.
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
members-revoked-notice = { $name } отозвал(а) ваш доступ менеджера к своим каналам.
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
    }. Удалите один из каналов или перейдите на Pro (до 10 каналов; скоро).
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
channels-notice-resumed = ✅ Права бота в канале <b>{ $title }</b> восстановлены. Продажи возобновлены.
channels-notice-degraded =
    ⚠️ Бот потерял право { $rights } в канале <b>{ $title }</b>. Оно нужно некоторым вашим форматам — верните его в настройках администраторов канала.
channels-button-managers = 👥 Менеджеры
