# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ У черзі… ({ $model })
job-queued-charged = 💳 Зарезервовано { $price }, на балансі залишилося { $balance }. Якщо не вийде — повернемо.
job-status-charged = 💳 Зарезервовано { $price }; якщо не вийде — повернемо.
job-queued-own-key = 🔑 Працює на вашому власному API-ключі: тут нічого не списується.
job-confirm-question = 💳 { $model } коштує { $price }; на балансі залишиться { $balance }. Запускаємо?
job-confirm-start = ✅ Запустити · { $price }
job-confirm-cancel = ✖️ Скасувати
job-confirm-starting = Запускаю…
job-confirm-dropped = ✖️ Не запущено. Нічого не списано.
job-confirm-expired = Це питання вже неактуальне. Надішліть запит ще раз.
job-generating = 🎨 { $model } генерує… { $elapsed }
job-running = ⏳ { $model }: { $progress } · { $elapsed }
job-held = ⚠️ Midjourney затримав цей промпт на перевірку ({ $reason }) · { $elapsed }. Він ще може виконатися; якщо ні — його відхилять, а кошти повернуться.
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ { $count ->
        [one] { $count } зображення
        [few] { $count } зображення
        [many] { $count } зображень
       *[other] { $count } зображення
    } вище. Що далі?
job-result-note = 💬 Модель каже: { $note }
job-cost-own-key = ваш ключ
job-refunded = Зарезервовану суму ({ $amount }) повернуто на ваш баланс.
job-button-again = 🔁 Ще раз
job-button-edit = ✏️ Змінити
job-button-original = 📎 Оригінал
job-button-support = 💬 Підтримка
job-button-cancel = ✖️ Скасувати
job-cancelled = ✖️ Скасовано. { $refund }
job-cancel-too-late = Генерація вже почалася, її не можна скасувати.
job-not-yours = Ця кнопка належить до чужої генерації.
job-gone = Цієї генерації вже немає.
job-original-gone = Оригінальний файл більше не зберігається. Згенеруйте його знову кнопкою 🔁.
job-link-only = Файл завеликий, щоб надіслати його сюди ({ $size }). Завантажте його за посиланням: { $url }
jobs-empty = У вас ще немає генерацій. Надішліть мені опис картинки, щоб почати.
jobs-title = <b>Ваші останні генерації</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = у черзі
job-status-submitting = запускається
job-status-running = виконується
job-status-delivering = надсилається
job-status-done = готово
job-status-failed = помилка
job-status-cancelled = скасовано
job-insufficient = 💰 Недостатньо коштів на балансі: це коштує { $price }, а у вас { $balance }.
job-insufficient-own-key = 🔑 Або підключіть власний API-ключ командою /key.
job-failed = ❌ Генерація не вдалася: { $reason }
    { $refund }
    🆔 ID завдання: <code>{ $job }</code>
job-failed-bad_key = API-ключ самого бота відхилено, тож генерації не працюватимуть, доки оператор це не виправить. Нічого не втрачено: спробуйте пізніше або напишіть у /support.
job-failed-key_exhausted = у бота поки що вичерпано ліміт генерацій. Спробуйте пізніше або напишіть у /support.
job-failed-model_not_allowed = ця модель зараз недоступна. Оберіть іншу в /settings.
job-failed-insufficient_balance = на рахунку бота в постачальника зараз закінчилися кошти. Спробуйте пізніше або напишіть у /support.
job-failed-own-bad_key = ваш API-ключ відхилено (неправильний або прострочений). Надішліть новий через /key або відключіть його командою /key remove, щоб платити з балансу.
job-failed-own-key_exhausted = ліміт вашого API-ключа вичерпано. Поповніть його там, де ви отримали ключ, або відключіть ключ командою /key remove, щоб платити з балансу.
job-failed-own-model_not_allowed = вашому API-ключу не дозволено цю модель. Оберіть іншу в /settings або дозвольте модель для ключа там, де ви його отримали.
job-failed-own-insufficient_balance = на рахунку вашого API-ключа закінчилися кошти. Поповніть його там, де ви отримали ключ, або відключіть ключ командою /key remove, щоб платити з балансу.
job-failed-banned_prompt = у промпті є заборонене слово{ $word ->
    [none] {""}
   *[other] {" "}(«{ $word }»)
}. Перефразуйте його й спробуйте знову.
job-failed-content_policy = запит відхилено правилами щодо контенту моделі. Перефразуйте промпт і спробуйте знову.
job-failed-rate_limited = моделі зараз перевантажені. Спробуйте за хвилину.
job-failed-queue_full = черга зараз заповнена. Спробуйте за кілька хвилин.
job-failed-no_channel = ця модель тимчасово недоступна. Оберіть іншу в /settings або спробуйте пізніше.
job-failed-not_implemented = ця модель не підтримує такої дії. Оберіть іншу модель у /settings.
job-failed-not_found = попередній результат, до якого це належить, у постачальника вже не зберігається (термін минув). Почніть нову генерацію.
job-failed-timeout = модель надто довго не відповідала. Спробуйте ще раз.
job-failed-upstream = у постачальника моделі сталася помилка. Спробуйте трохи згодом.
job-failed-network = не вдалося зв’язатися із сервісом генерації. Спробуйте за хвилину.
job-failed-malformed = модель надіслала відповідь, яку я не зміг прочитати. Спробуйте ще раз; якщо це повториться, оберіть іншу модель у /settings.
job-failed-invalid_request = модель відхилила запит. Змініть промпт або налаштування й спробуйте знову.
job-failed-too_large = результат завеликий, щоб надіслати його сюди. Напишіть у /support і вкажіть ID завдання, наведений нижче.
job-failed-interrupted = бот перезапустився під час роботи над нею. Надішліть запит ще раз.
job-failed-deadline = вона не завершилася вчасно. Спробуйте ще раз; у черзі relax чекати довше, тож може допомогти швидший режим.
job-failed-lost_task = постачальник загубив завдання. Надішліть запит ще раз.
job-failed-task_failed = модель не змогла її завершити. Спробуйте ще раз або оберіть іншу модель у /settings.
job-failed-provider-words = Відповідь моделі: «{ $detail }».
job-failed-mj_moderation = Midjourney затримав або відхилив цей промпт згідно з правилами спільноти («{ $detail }»). Виконання не продовжиться. Перефразуйте промпт і спробуйте знову; якщо вважаєте, що це помилка, напишіть у підтримку.
job-failed-mj_invalid_parameter = Midjourney не прийняв параметр промпту: { $detail }. Виправте його (--ar, --v, --stylize …) і спробуйте знову.
job-failed-mj_account = акаунт Midjourney бота зараз не приймає завдань (тариф або fast-години). Спробуйте пізніше або напишіть у підтримку.
job-failed-mj_image_fetch = Midjourney не зміг прочитати одне із зображень. Надішліть фото ще раз або інше.
job-failed-delivery_failed = я не зміг надіслати вам результат. Напишіть у /support і вкажіть ID завдання, наведений нижче.
job-failed-input_unavailable = не вдалося завантажити ваше фото з Telegram. Надішліть його ще раз.
job-failed-input_too_large = ваше фото більше, ніж Telegram дозволяє завантажувати ботам (20 МБ). Надішліть менше.
job-failed-input_not_image = надісланий файл не є зображенням, яке я можу використати. Надішліть фото у форматі JPG, PNG або WebP.
job-failed-input_not_audio = надісланий звуковий файл не підходить (потрібен MP3, M4A, WAV або AAC).
job-failed-input_not_video = надісланий файл не є відео, яке я можу використати (MP4, MOV або WebM).
job-failed-unknown = щось пішло не так{ $detail ->
    [none] {""}
   *[other] : { $detail }
}.
job-failed-reason = Причина: { $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ Опис порожній. Напишіть, що ви хочете, наприклад: руда лисиця в снігу, акварель.
job-problem-prompt_too_long = ✍️ Опис задовгий: { $length ->
    [one] { $length } символ
    [few] { $length } символи
    [many] { $length } символів
   *[other] { $length } символу
}, а { $model } приймає щонайбільше { $limit }. Скоротіть його й надішліть знову. Нічого не списано.
job-problem-size_unsupported = 📐 { $model } не пропонує такого розміру. Оберіть один із: { $allowed }. Нічого не списано.
job-problem-aspect_unsupported = 📐 { $model } не пропонує такого співвідношення сторін. Оберіть одне з: { $allowed }. Нічого не списано.
job-problem-n_out_of_range = 🔢 { $model } робить щонайбільше { $limit ->
    [one] { $limit } зображення
    [few] { $limit } зображення
    [many] { $limit } зображень
   *[other] { $limit } зображення
} за запит. Оберіть: { $allowed }. Нічого не списано.
job-problem-duration_unsupported = ⏱ { $model } не пропонує такої тривалості. Оберіть одну з: { $allowed }. Нічого не списано.
job-problem-mode_unsupported = ⚙️ { $model } не пропонує такого режиму. Оберіть один із: { $allowed }. Нічого не списано.
job-problem-image_required = 📷 { $model } потрібне зображення: надішліть фото з описом у підписі. Нічого не списано.
job-problem-image_not_supported = 📷 { $model } не приймає зображень. Надішліть лише опис або оберіть іншу модель у /settings. Нічого не списано.
job-problem-too_many_images = 📷 { $model } приймає щонайбільше { $limit ->
    [one] { $limit } зображення
    [few] { $limit } зображення
    [many] { $limit } зображень
   *[other] { $limit } зображення
} за запит. Надішліть менше. Нічого не списано.
job-problem-too_few_images = 📷 { $model } потрібно щонайменше { $limit ->
    [one] { $limit } зображення
    [few] { $limit } зображення
    [many] { $limit } зображень
   *[other] { $limit } зображення
}. Надішліть більше одним альбомом. Нічого не списано.
job-problem-option_unsupported = ⚙️ { $model } не пропонує такого значення для { $option }. Оберіть одне з: { $allowed }. Нічого не списано.
job-problem-option_not_taken = ⚙️ { $model } не приймає { $option }. Надішліть запит без цього параметра або оберіть іншу модель у /settings. Нічого не списано.
job-problem-seed_invalid = 🎲 Seed має бути цілим числом від 0 до { $limit }, наприклад --seed 42. Нічого не списано.
job-problem-transparent_format = 🫥 Прозорий фон можливий лише в PNG або WebP: додайте --format png. Нічого не списано.
job-problem-effect_unsupported = ✨ { $model } не пропонує такого ефекту. Оберіть один із: { $allowed }. Нічого не списано.
job-too-many-active = ⏳ У вас уже { $limit ->
    [one] { $limit } генерація
    [few] { $limit } генерації
    [many] { $limit } генерацій
   *[other] { $limit } генерації
} у роботі. Дочекайтеся завершення хоча б однієї (див. /jobs) і спробуйте знову.
job-original-limit = { $seconds ->
    [one] Забагато оригіналів одночасно: спробуйте знову через { $seconds } секунду.
    [few] Забагато оригіналів одночасно: спробуйте знову через { $seconds } секунди.
    [many] Забагато оригіналів одночасно: спробуйте знову через { $seconds } секунд.
   *[other] Забагато оригіналів одночасно: спробуйте знову через { $seconds } секунди.
}
job-button-extend = ⏩ Продовжити
job-problem-source_required = ⏩ { $model } працює з одним із ваших попередніх відео: натисніть кнопку під потрібним відео. Нічого не списано.
job-problem-source_not_supported = ⏩ { $model } не може працювати з цим відео. Оберіть модель, запропоновану для нього. Нічого не списано.
job-button-lipsync = 🗣 Озвучити
job-problem-voice_unsupported = 🗣 { $model } не пропонує такого голосу. Оберіть один із: { $allowed }. Нічого не списано.
job-problem-audio_not_supported = 🎵 { $model } озвучує лише написаний текст: надішліть текст замість звукового файлу. Нічого не списано.
job-problem-video_required = 🎞 { $model } працює з відео: надішліть його з підписом /video та описом. Нічого не списано.
job-problem-video_not_supported = 🎞 { $model } не приймає відео. Оберіть іншу модель на клавіатурі. Нічого не списано.
