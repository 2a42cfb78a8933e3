# Video generation: /video, its settings keyboard, delivery fallbacks.
video-usage =
    🎬 Опишіть відео після команди, наприклад:
    <code>/video колібрі зависає біля квітки, сповільнена зйомка</code>

    Щоб оживити фото, надішліть його з підписом <code>/video</code> та описом або дайте відповідь на нього командою <code>/video</code> з описом. Додайте <code>--duration 10</code>, <code>--ar 9:16</code> чи <code>--mode pro</code>, щоб задати ці параметри для цього запиту.
video-no-model = 🎬 Зараз немає доступної моделі для відео. Спробуйте пізніше.
video-image-too-large = 📷 Цей файл має розмір { $size }, а боти можуть завантажувати з Telegram лише файли до { $sizeLimit }. Надішліть менше фото (саме як фото, а не файлом: Telegram його стисне). Нічого не списано.
video-image-not-image = 📄 Це не зображення, яке я можу оживити. Надішліть фото або файл PNG, JPEG чи WebP з підписом /video та описом. Нічого не списано.
video-screen-title = 🎬 <b>Відео</b> · { $model }
video-screen-frames = { $count ->
    [1] 🖼 Починається з вашого фото
   *[other] 🖼 Починається з вашого першого фото й закінчується другим
}
video-screen-references = { $count ->
    [1] 🖼 Використовує ваше фото як референс
    [one] 🖼 Використовує ваші { $count } фото як референси
    [few] 🖼 Використовує ваші { $count } фото як референси
    [many] 🖼 Використовує ваші { $count } фото як референси
   *[other] 🖼 Використовує ваші { $count } фото як референси
}
video-screen-duration = ⏱ { $seconds } с
video-screen-mode = ⚙️ { $mode ->
    [pro] Pro
   *[std] Стандартний
}
video-screen-price = 💰 Ціна: { $price }
video-screen-own-key = 🔑 Оплачується вашим власним API-ключем
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } с
video-mode-label = { $mode ->
    [pro] Pro
   *[std] Стандартний
}
video-button-confirm = ✅ Згенерувати · { $price }
video-button-confirm-own = ✅ Згенерувати (ваш ключ)
video-button-cancel = ✖️
video-button-back = ⬅️ Назад
video-price-second = { $price }/с
video-price-call = { $price }
video-choose-model = 🎬 Оберіть модель для відео:
video-choose-model-image = { $count ->
    [1] 🎬 Оберіть модель, яка оживить ваше фото:
    [one] 🎬 Оберіть модель, яка приймає { $count } фото:
    [few] 🎬 Оберіть модель, яка приймає { $count } фото:
    [many] 🎬 Оберіть модель, яка приймає { $count } фото:
   *[other] 🎬 Оберіть модель, яка приймає { $count } фото:
}
video-saved-model = ✅ Модель: { $model }
video-draft-gone = Цей запит застарів. Надішліть /video ще раз.
video-not-yours = Це чужий запит. Надішліть /video, щоб створити свій.
video-already-started = Це відео вже створюється. Див. /jobs.
video-model-gone = Ця модель більше недоступна. Оберіть іншу.
video-cancelled = ✖️ Скасовано, нічого не списано.
video-started = 🎬 { $model } · { $seconds } с · { $price }: запущено. Надішлю відео сюди, щойно воно буде готове; відео створюється кілька хвилин.
video-again-toast = 🔁 Ще раз…
video-again-model-gone = Модель { $model } більше недоступна, тому повторити не вийде. Надішліть /video, щоб обрати іншу.
video-size-over = понад { $sizeLimit }
video-link = Відео завелике, щоб надіслати його сюди ({ $size }). Завантажте його за посиланням: { $url }
    Посилання веде до постачальника й може перестати працювати протягом доби.
video-link-private = Відео готове, але воно завелике, щоб надіслати його сюди ({ $size }), а постачальник видає його лише тому ключу, яким його створено, тож посилання я надіслати не можу. Напишіть у /support і вкажіть ID завдання { $task }, щоб отримати файл.
video-effect-squish = 🫳 Сплющити
video-effect-expansion = 🎈 Надути
video-effect-fuzzyfuzzy = 🧸 Пухнастик
video-effect-bloombloom = 🌸 Розквіт
video-effect-dizzydizzy = 💫 Запаморочення
video-extend-unavailable = Для цього відео зараз нічого не доступно або воно ще не готове.
video-extend-toast = ⏩ Продовження: перевірте й підтвердьте
video-screen-extend = ⏩ Продовжує ваше попереднє відео
video-lipsync-toast = 🗣 Озвучення: дайте відповідь на нове повідомлення словами, які треба промовити
video-screen-ask-words = 🗣 <b>Дайте відповідь на це повідомлення</b> словами, які має промовити людина.
video-screen-ask-prompt = ✍️ <b>Дайте відповідь на це повідомлення</b> описом відео.
video-prompt-set = ✅ Прийнято: текст — на клавіатурі вище. Перевірте його й натисніть «Згенерувати».
video-voice-oversea_male1 = 👨 Чоловік
video-voice-commercial_lady_en_f-v1 = 👩 Жінка
video-voice-reader_en_m-v1 = 📖 Оповідач
video-voice-uk_boy1 = 👦 Хлопчик (брит.)
video-voice-uk_man2 = 🎩 Чоловік (брит.)
video-audio-voice-note = 🎙 Голосові повідомлення (OGG) не підходять для озвучення Kling. Надішліть звук файлом MP3, M4A, WAV або AAC у відповідь на клавіатуру або дайте відповідь словами, які треба промовити.
video-audio-format = 🎵 Формат цього звукового файлу не підходить для озвучення: надішліть MP3, M4A, WAV або AAC.
video-audio-not-taken = 🎵 { $model } озвучує лише написаний текст: дайте відповідь текстом.
video-audio-too-large = 🎵 Цей звуковий файл завеликий: для озвучення — до { $sizeLimit }. Надішліть коротший.
video-audio-set = ✅ Прийнято: у відео звучатиме ваш звуковий файл. Перевірте клавіатуру вище й натисніть «Згенерувати».
video-screen-ask-words-or-audio = 🗣 <b>Дайте відповідь на це повідомлення</b> словами, які має промовити людина, або звуковим файлом (MP3, M4A, WAV, AAC) для озвучення.
video-input-too-large = 🎞 Це відео завелике: боти можуть завантажувати з Telegram файли до { $sizeLimit }. Надішліть коротше або менше відео. Нічого не списано.
video-screen-video = 🎞 Працює з вашим відео
