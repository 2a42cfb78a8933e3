# Video generation: /video, its settings keyboard, delivery fallbacks.
video-usage =
    🎬 Describe el video después del comando, por ejemplo:
    <code>/video un colibrí suspendido junto a una flor, cámara lenta</code>

    Para animar una foto, mándala con <code>/video</code> y la descripción en el pie, o respóndele con <code>/video</code> y la descripción. Agrega <code>--duration 10</code>, <code>--ar 9:16</code> o <code>--mode pro</code> para ajustarlos en esta solicitud.
video-no-model = 🎬 Ahora mismo no hay ningún modelo de video disponible. Vuelve a intentarlo más tarde.
video-image-too-large = 📷 Este archivo pesa { $size }: los bots solo pueden descargar de Telegram archivos de hasta { $sizeLimit }. Manda una foto más pequeña (como foto, no como archivo: Telegram la comprime). No se te cobró nada.
video-image-not-image = 📄 Esto no es una imagen que pueda animar. Manda una foto o un archivo PNG, JPEG o WebP con /video y la descripción en el pie. No se te cobró nada.
video-screen-title = 🎬 <b>Video</b> · { $model }
video-screen-frames = { $count ->
    [one] 🖼 Empieza con tu foto
    [many] 🖼 Empieza con tu primera foto y termina con la segunda
   *[other] 🖼 Empieza con tu primera foto y termina con la segunda
}
video-screen-references = { $count ->
    [one] 🖼 Usa tu foto como referencia
    [many] 🖼 Usa tus { $count } fotos como referencia
   *[other] 🖼 Usa tus { $count } fotos como referencia
}
video-screen-duration = ⏱ { $seconds } s
video-screen-mode = ⚙️ { $mode ->
    [pro] Pro
   *[std] Estándar
}
video-screen-price = 💰 Precio: { $price }
video-screen-own-key = 🔑 Se paga con tu propia clave API
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } s
video-mode-label = { $mode ->
    [pro] Pro
   *[std] Estándar
}
video-button-confirm = ✅ Generar · { $price }
video-button-confirm-own = ✅ Generar (tu clave)
video-button-cancel = ✖️
video-button-back = ⬅️ Atrás
video-price-second = { $price }/s
video-price-call = { $price }
video-choose-model = 🎬 Elige el modelo de video:
video-choose-model-image = { $count ->
    [one] 🎬 Elige el modelo que animará tu foto:
    [many] 🎬 Elige un modelo que acepte { $count } fotos:
   *[other] 🎬 Elige un modelo que acepte { $count } fotos:
}
video-saved-model = ✅ Modelo: { $model }
video-draft-gone = Esta solicitud caducó. Vuelve a mandar /video.
video-not-yours = Esta es la solicitud de otra persona. Manda /video para hacer la tuya.
video-already-started = Este video ya se está creando. Míralo en /jobs.
video-model-gone = Este modelo ya no está disponible. Elige otro.
video-cancelled = ✖️ Cancelado, no se te cobró nada.
video-started = 🎬 { $model } · { $seconds } s · { $price }: en marcha. Te mandaré el video aquí cuando esté listo; los videos tardan unos minutos.
video-again-toast = 🔁 Otra vez…
video-again-model-gone = El modelo { $model } ya no está disponible, así que no puedo repetir esto. Manda /video para elegir otro.
video-size-over = más de { $sizeLimit }
video-link = El video es demasiado grande para subirlo aquí ({ $size }). Descárgalo: { $url }
    El enlace es del proveedor y puede caducar en un día.
video-link-private = El video está listo, pero es demasiado grande para subirlo aquí ({ $size }), y el proveedor solo lo entrega a la clave que lo creó, así que no puedo mandarte un enlace. Escribe a /support con el ID de la tarea { $task } para conseguir el archivo.
video-effect-squish = 🫳 Aplastar
video-effect-expansion = 🎈 Inflar
video-effect-fuzzyfuzzy = 🧸 Peluche
video-effect-bloombloom = 🌸 Florecer
video-effect-dizzydizzy = 💫 Mareo
video-extend-unavailable = Ahora mismo no hay nada disponible para este video, o todavía no está listo.
video-extend-toast = ⏩ Una continuación: revísala y confirma
video-screen-extend = ⏩ Continúa tu video anterior
video-lipsync-toast = 🗣 Sincronización labial: responde al nuevo mensaje con las palabras que debe decir
video-screen-ask-words = 🗣 <b>Responde a este mensaje</b> con las palabras que debe decir la persona.
video-screen-ask-prompt = ✍️ <b>Responde a este mensaje</b> con una descripción del video.
video-prompt-set = ✅ Entendido: el texto está en el teclado de arriba. Revísalo y pulsa Generar.
video-voice-oversea_male1 = 👨 Hombre
video-voice-commercial_lady_en_f-v1 = 👩 Mujer
video-voice-reader_en_m-v1 = 📖 Narrador
video-voice-uk_boy1 = 👦 Niño (Reino Unido)
video-voice-uk_man2 = 🎩 Hombre (Reino Unido)
video-audio-voice-note = 🎙 Las notas de voz (OGG) no son un formato que acepte la sincronización labial de Kling. Manda el sonido como archivo MP3, M4A, WAV o AAC, en respuesta al teclado, o responde con las palabras que debe decir.
video-audio-format = 🎵 La sincronización labial no acepta el formato de este archivo de sonido: manda MP3, M4A, WAV o AAC.
video-audio-not-taken = 🎵 { $model } solo pronuncia texto escrito: responde con el texto.
video-audio-too-large = 🎵 Este archivo de sonido es demasiado grande: la sincronización labial acepta hasta { $sizeLimit }. Manda uno más corto.
video-audio-set = ✅ Entendido: el video hablará con tu archivo de sonido. Revisa el teclado de arriba y pulsa Generar.
video-screen-ask-words-or-audio = 🗣 <b>Responde a este mensaje</b> con las palabras que debe decir la persona, o con un archivo de sonido (MP3, M4A, WAV, AAC) para que lo pronuncie.
video-input-too-large = 🎞 Este video es demasiado grande: los bots pueden descargar de Telegram archivos de hasta { $sizeLimit }. Manda uno más corto o más pequeño. No se te cobró nada.
video-screen-video = 🎞 Trabaja sobre tu video
