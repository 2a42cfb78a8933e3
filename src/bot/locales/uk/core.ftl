# Core: start, help, errors, commands menu.
start-greeting =
    👋 Привіт, { $name }!

    Я створюю зображення та відео найкращими моделями: DALL·E, FLUX, Gemini, Midjourney, Kling, Sora, Veo та іншими.

    Просто надішліть опис картинки — або скористайтеся командами нижче.
start-balance = 💰 Баланс: { $balance }
help-text =
    <b>Що я вмію</b>

    🎨 /imagine <i>опис</i> — створити зображення (або просто надішліть текст)
    ✏️ /edit <i>інструкція</i> — відредагувати фото (надішліть фото з підписом)
    🖼 /mj <i>промпт</i> — Midjourney; /blend, /describe
    🎬 /video <i>опис</i> — створити відео (фото з таким підписом — відео з фото)
    ⚙️ /settings — модель, розмір, кількість зображень
    📋 /models — моделі та ціни
    🧾 /jobs — ваші останні генерації

    💰 /balance — баланс та історія
    🎟 /redeem <i>код</i> — поповнити кодом
    🔑 /key — користуватися власним API-ключем
    💬 /support — написати в підтримку
    🌐 /language — змінити мову
unknown-command = Я не знаю такої команди. Ось що я вмію: /help
unknown-callback = Ця кнопка вже не працює.
error-generic = ⚠️ У мене щось пішло не так. Нічого не списано. Спробуйте ще раз трохи згодом.
banned = ⛔ Ваш доступ до бота призупинено. Якщо це помилка, напишіть { $contact }.
banned-no-contact = ⛔ Ваш доступ до бота призупинено.
not-in-private = Для цього напишіть мені в особистому чаті.
language-choose = 🌐 Оберіть мову:
language-set = ✅ Мова: українська
button-models = 📋 Моделі та ціни
button-balance = 💰 Баланс
button-help = ❓ Допомога
button-support = 💬 Підтримка
cmd-start = Почати
cmd-help = Що вміє бот
cmd-imagine = Створити зображення
cmd-edit = Відредагувати фото
cmd-mj = Midjourney
cmd-video = Створити відео
cmd-settings = Модель і параметри
cmd-models = Моделі та ціни
cmd-jobs = Мої генерації
cmd-balance = Баланс
cmd-redeem = Активувати код
cmd-key = Власний API-ключ
cmd-support = Написати в підтримку
cmd-language = Мова
cmd-cancel = Скасувати поточну дію
cmd-topup = Поповнити зірками Telegram
cmd-invite = Запросити друзів
cmd-paysupport = Допомога з оплатою
cmd-terms = Умови використання
start-welcome-credit = 🎁 Вітаємо! У вас є <b>{ $amount }</b>, щоб спробувати моделі.
terms-default = 📄 <b>Умови</b>
    Оплата зірками Telegram поповнює баланс для генерацій у цьому боті; баланс витрачається на генерації за цінами, які показано перед кожною з них, а кошти за невдалу генерацію автоматично повертаються на баланс.
    Питання чи проблеми з оплатою: /paysupport. Рішення про повернення зірок ухвалює оператор.
