# Core: start, help, errors, commands menu.
start-greeting =
    👋 Привет, { $name }!

    Я создаю изображения и видео лучшими моделями: DALL·E, FLUX, Gemini, Midjourney, Kling, Sora, Veo и другими.

    Просто пришлите описание картинки — или воспользуйтесь командами ниже.
start-balance = 💰 Баланс: { $balance }
help-text =
    <b>Что я умею</b>

    🎨 /imagine <i>описание</i> — создать изображение (или просто пришлите текст)
    ✏️ /edit <i>инструкция</i> — отредактировать фото (пришлите фото с подписью)
    🖼 /mj <i>описание</i> — Midjourney; /blend, /describe
    🎬 /video <i>описание</i> — создать видео (фото с такой подписью — видео из изображения)
    ⚙️ /settings — модель, размер, число изображений
    📋 /models — модели и цены
    🧾 /jobs — последние генерации

    💰 /balance — баланс и история
    🎟 /redeem <i>код</i> — пополнить кодом
    🔑 /key — использовать свой ключ шлюза
    💬 /support — написать в поддержку
    🌐 /language — сменить язык
unknown-command = Я не знаю такой команды. Вот что я умею: /help
unknown-callback = Эта кнопка больше не активна.
error-generic = ⚠️ У меня что-то пошло не так. За это ничего не списано. Попробуйте ещё раз чуть позже.
banned = ⛔ Ваш доступ к боту приостановлен. Если это ошибка, напишите { $contact }.
banned-no-contact = ⛔ Ваш доступ к боту приостановлен.
not-in-private = Для этого напишите мне в личные сообщения.
language-choose = 🌐 Выберите язык:
language-set = ✅ Язык: русский
button-models = 📋 Модели и цены
button-balance = 💰 Баланс
button-help = ❓ Помощь
button-support = 💬 Поддержка
cmd-start = Начать
cmd-help = Что умеет бот
cmd-imagine = Создать изображение
cmd-edit = Отредактировать фото
cmd-mj = Midjourney
cmd-video = Создать видео
cmd-settings = Модель и параметры
cmd-models = Модели и цены
cmd-jobs = Мои генерации
cmd-balance = Баланс
cmd-redeem = Активировать код
cmd-key = Свой ключ шлюза
cmd-support = Написать в поддержку
cmd-language = Язык
cmd-cancel = Отменить текущее действие
