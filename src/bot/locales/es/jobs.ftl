# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ En cola… ({ $model })
job-queued-charged = 💳 { $price } reservados, te quedan { $balance }. Si falla, se te reembolsa.
job-status-charged = 💳 { $price } reservados; si falla, se te reembolsa.
job-queued-own-key = 🔑 Se ejecuta con tu propia clave API: aquí no se cobra nada.
job-confirm-question = 💳 { $model } cuesta { $price }; te quedarán { $balance } de saldo. ¿Empezamos?
job-confirm-start = ✅ Empezar · { $price }
job-confirm-cancel = ✖️ Cancelar
job-confirm-starting = Empezando…
job-confirm-dropped = ✖️ No se inició. No se te cobró nada.
job-confirm-expired = Esta pregunta caducó. Vuelve a mandar la solicitud.
job-generating = 🎨 Generando con { $model }… { $elapsed }
job-running = ⏳ { $model }: { $progress } · { $elapsed }
job-held = ⚠️ Midjourney está revisando este prompt ({ $reason }) · { $elapsed }. Puede que aún se ejecute; si no, se rechaza y se te reembolsa.
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ Arriba tienes { $count ->
        [one] { $count } imagen
        [many] { $count } imágenes
       *[other] { $count } imágenes
    }. ¿Qué hacemos ahora?
job-result-note = 💬 El modelo dice: { $note }
job-cost-own-key = tu clave
job-refunded = Los { $amount } reservados se devolvieron a tu saldo.
job-button-again = 🔁 Otra vez
job-button-edit = ✏️ Editar esto
job-button-original = 📎 Archivo original
job-button-support = 💬 Soporte
job-button-cancel = ✖️ Cancelar
job-cancelled = ✖️ Cancelado. { $refund }
job-cancel-too-late = Ya empezó y no se puede cancelar.
job-not-yours = Este botón es de la generación de otra persona.
job-gone = Esa generación ya no existe.
job-original-gone = El archivo original ya no se conserva. Vuelve a generarlo con 🔁.
job-link-only = El archivo es demasiado grande para subirlo aquí ({ $size }). Descárgalo: { $url }
jobs-empty = Aún no tienes generaciones. Mándame la descripción de una imagen para empezar.
jobs-title = <b>Tus generaciones recientes</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = en cola
job-status-submitting = iniciando
job-status-running = en curso
job-status-delivering = enviando
job-status-done = lista
job-status-failed = fallida
job-status-cancelled = cancelada
job-insufficient = 💰 No tienes saldo suficiente: esto cuesta { $price } y tienes { $balance }.
job-insufficient-own-key = 🔑 O vincula tu propia clave API con /key.
job-failed = ❌ La generación falló: { $reason }
    { $refund }
    🆔 ID de la generación: <code>{ $job }</code>
job-failed-bad_key = la clave API propia del bot fue rechazada, así que no se puede generar nada hasta que el operador lo arregle. No se perdió nada: vuelve a intentarlo más tarde, o escribe a /support.
job-failed-key_exhausted = el bot agotó su cuota de generación por ahora. Vuelve a intentarlo más tarde, o escribe a /support.
job-failed-model_not_allowed = este modelo no está disponible ahora mismo. Elige otro en /settings.
job-failed-insufficient_balance = la cuenta del bot en el proveedor se quedó sin fondos por ahora. Vuelve a intentarlo más tarde, o escribe a /support.
job-failed-own-bad_key = tu clave API fue rechazada (es incorrecta o caducó). Manda una nueva con /key, o quítala con /key remove para pagar con tu saldo.
job-failed-own-key_exhausted = tu clave API ya no tiene cuota. Recárgala donde la obtuviste, o quítala con /key remove para pagar con tu saldo.
job-failed-own-model_not_allowed = tu clave API no tiene permiso para usar este modelo. Elige otro en /settings, o habilita el modelo para la clave donde la obtuviste.
job-failed-own-insufficient_balance = la cuenta de tu clave API se quedó sin fondos. Recárgala donde obtuviste la clave, o quita la clave con /key remove para pagar con tu saldo.
job-failed-banned_prompt = el prompt contiene una palabra prohibida{ $word ->
    [none] {""}
   *[other] {" "}(“{ $word }”)
}. Cámbialo y vuelve a intentarlo.
job-failed-content_policy = la política de contenido del modelo rechazó la solicitud. Cambia el prompt y vuelve a intentarlo.
job-failed-rate_limited = los modelos están saturados ahora mismo. Vuelve a intentarlo en un minuto.
job-failed-queue_full = la cola está llena ahora mismo. Vuelve a intentarlo en unos minutos.
job-failed-no_channel = este modelo no está disponible temporalmente. Prueba otro en /settings o vuelve a intentarlo más tarde.
job-failed-not_implemented = este modelo no ofrece esa operación. Elige otro modelo en /settings.
job-failed-not_found = el resultado anterior al que corresponde esto ya caducó en el proveedor. Empieza una nueva generación.
job-failed-timeout = el modelo tardó demasiado en responder. Vuelve a intentarlo.
job-failed-upstream = el proveedor del modelo tuvo un error. Vuelve a intentarlo en un momento.
job-failed-network = no se pudo conectar con el servicio de generación. Vuelve a intentarlo en un minuto.
job-failed-malformed = el modelo devolvió algo que no pude leer. Vuelve a intentarlo; si pasa otra vez, elige otro modelo en /settings.
job-failed-invalid_request = el modelo rechazó la solicitud. Cambia el prompt o los ajustes y vuelve a intentarlo.
job-failed-too_large = el resultado es más grande de lo que puedo enviar aquí. Escribe a /support e indica el ID de la generación que aparece abajo.
job-failed-interrupted = el bot se reinició mientras trabajaba en ella. Vuelve a mandar la solicitud.
job-failed-deadline = no terminó a tiempo. Vuelve a intentarlo; la cola relax puede tardar más, así que una velocidad más rápida puede ayudar.
job-failed-lost_task = el proveedor perdió el rastro de la tarea. Vuelve a mandar la solicitud.
job-failed-task_failed = el modelo no pudo terminarla. Vuelve a intentarlo, o elige otro modelo en /settings.
job-failed-provider-words = Respuesta del modelo: “{ $detail }”.
job-failed-mj_moderation = Midjourney retuvo o rechazó este prompt según sus normas de la comunidad (“{ $detail }”). No va a continuar. Cambia el prompt y vuelve a intentarlo; si crees que es un error, escribe a soporte.
job-failed-mj_invalid_parameter = Midjourney no aceptó un parámetro del prompt: { $detail }. Corrígelo (--ar, --v, --stylize …) y vuelve a intentarlo.
job-failed-mj_account = la cuenta de Midjourney del servicio no puede aceptar tareas ahora mismo (por su plan o sus horas fast). Vuelve a intentarlo más tarde o escribe a soporte.
job-failed-mj_image_fetch = Midjourney no pudo leer una de las imágenes. Vuelve a mandar la foto, u otra.
job-failed-delivery_failed = no pude enviarte el resultado. Escribe a /support e indica el ID de la generación que aparece abajo.
job-failed-input_unavailable = no pude descargar tu foto de Telegram. Vuelve a mandarla.
job-failed-input_too_large = tu foto pesa más de lo que Telegram permite descargar a los bots (20 MB). Manda una más pequeña.
job-failed-input_not_image = el archivo que mandaste no es una imagen que pueda usar. Manda una foto JPG, PNG o WebP.
job-failed-input_not_audio = el archivo de sonido que mandaste no es de un formato que pueda usar (MP3, M4A, WAV o AAC).
job-failed-input_not_video = el archivo que mandaste no es un video que pueda usar (MP4, MOV o WebM).
job-failed-unknown = algo salió mal{ $detail ->
    [none] {""}
   *[other] : { $detail }
}.
job-failed-reason = Motivo: { $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ La descripción está vacía. Escribe lo que quieres, por ejemplo: un zorro rojo en la nieve, acuarela.
job-problem-prompt_too_long = ✍️ La descripción es demasiado larga: { $length ->
    [one] { $length } carácter
    [many] { $length } caracteres
   *[other] { $length } caracteres
}, y { $model } acepta como máximo { $limit }. Acórtala y vuelve a mandarla. No se te cobró nada.
job-problem-size_unsupported = 📐 { $model } no ofrece este tamaño. Elige uno de estos: { $allowed }. No se te cobró nada.
job-problem-aspect_unsupported = 📐 { $model } no ofrece esta relación de aspecto. Elige una de estas: { $allowed }. No se te cobró nada.
job-problem-n_out_of_range = 🔢 { $model } crea como máximo { $limit ->
    [one] { $limit } imagen
    [many] { $limit } imágenes
   *[other] { $limit } imágenes
} por solicitud. Elige uno de estos valores: { $allowed }. No se te cobró nada.
job-problem-duration_unsupported = ⏱ { $model } no ofrece esta duración. Elige una de estas: { $allowed }. No se te cobró nada.
job-problem-mode_unsupported = ⚙️ { $model } no ofrece este modo. Elige uno de estos: { $allowed }. No se te cobró nada.
job-problem-image_required = 📷 { $model } necesita una imagen: manda una foto con la descripción como pie de foto. No se te cobró nada.
job-problem-image_not_supported = 📷 { $model } no acepta imágenes. Manda solo una descripción, o elige otro modelo en /settings. No se te cobró nada.
job-problem-too_many_images = 📷 { $model } acepta como máximo { $limit ->
    [one] { $limit } imagen
    [many] { $limit } imágenes
   *[other] { $limit } imágenes
} por solicitud. Manda menos. No se te cobró nada.
job-problem-too_few_images = 📷 { $model } necesita al menos { $limit ->
    [one] { $limit } imagen
    [many] { $limit } imágenes
   *[other] { $limit } imágenes
}. Manda más en un solo álbum. No se te cobró nada.
job-problem-option_unsupported = ⚙️ { $model } no ofrece este valor para { $option }. Elige uno de estos: { $allowed }. No se te cobró nada.
job-problem-option_not_taken = ⚙️ { $model } no acepta { $option }. Manda la solicitud sin esa opción, o elige otro modelo en /settings. No se te cobró nada.
job-problem-seed_invalid = 🎲 La semilla debe ser un número entero del 0 al { $limit }, por ejemplo --seed 42. No se te cobró nada.
job-problem-transparent_format = 🫥 Un fondo transparente necesita PNG o WebP: agrega --format png. No se te cobró nada.
job-problem-effect_unsupported = ✨ { $model } no ofrece este efecto. Elige uno de estos: { $allowed }. No se te cobró nada.
job-too-many-active = ⏳ Ya tienes { $limit ->
    [one] { $limit } generación
    [many] { $limit } generaciones
   *[other] { $limit } generaciones
} en curso. Espera a que termine alguna (mira /jobs) y vuelve a intentarlo.
job-original-limit = { $seconds ->
    [one] Demasiados originales a la vez: vuelve a intentarlo en { $seconds } segundo.
    [many] Demasiados originales a la vez: vuelve a intentarlo en { $seconds } segundos.
   *[other] Demasiados originales a la vez: vuelve a intentarlo en { $seconds } segundos.
}
job-button-extend = ⏩ Extender
job-problem-source_required = ⏩ { $model } trabaja sobre uno de tus videos anteriores: usa su botón debajo del video. No se te cobró nada.
job-problem-source_not_supported = ⏩ { $model } no puede trabajar con este video. Elige uno de los modelos que se ofrecen para él. No se te cobró nada.
job-button-lipsync = 🗣 Sincronización labial
job-problem-voice_unsupported = 🗣 { $model } no ofrece esta voz. Elige una de estas: { $allowed }. No se te cobró nada.
job-problem-audio_not_supported = 🎵 { $model } solo pronuncia texto escrito: manda el texto en lugar de un archivo de sonido. No se te cobró nada.
job-problem-video_required = 🎞 { $model } trabaja sobre un video: mándalo con /video y la descripción en el pie. No se te cobró nada.
job-problem-video_not_supported = 🎞 { $model } no acepta videos. Elige otro modelo en el teclado. No se te cobró nada.
