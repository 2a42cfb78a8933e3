# Midjourney: /mj, result buttons, the modal prompt, /blend and /describe.
mj-usage =
    🖼 <b>Midjourney</b> ({ $model })

    /mj <i>prompt</i> — cuatro imágenes en una cuadrícula; los parámetros de Midjourney como <code>--ar 16:9 --v 6</code> se pasan tal cual. Una foto con el pie <code>/mj prompt</code> se usa como referencia.
    /blend — mezclar de 2 a 5 fotos.
    /describe — cuatro prompts para una foto.

    Los botones debajo de cada resultado hacen Upscale (U1–U4), Vary (V1–V4, 🔄) y Zoom o Pan.
    Velocidad y precio: /settings, o <code>--fast</code> / <code>--relax</code> / <code>--turbo</code> en el prompt.
mj-unavailable = Midjourney no está disponible ahora mismo.
mj-speed-unavailable = --{ $mode } no está disponible aquí. Velocidades que puedes usar: { $offered }. No se te cobró nada.
mj-prompt-too-long = El prompt es demasiado largo: como máximo { $limit ->
    [one] { $limit } carácter
    [many] { $limit } caracteres
   *[other] { $limit } caracteres
}.
mj-too-many-images = Este modelo acepta como máximo { $limit ->
    [one] { $limit } foto
    [many] { $limit } fotos
   *[other] { $limit } fotos
} de referencia.
mj-images-not-supported = Este modelo no acepta fotos de referencia.
mj-image-too-large = 📷 Este archivo pesa { $size }: los bots solo pueden descargar de Telegram archivos de hasta { $sizeLimit }. Manda una foto más pequeña (como foto, no como archivo: Telegram la comprime). No se te cobró nada.
mj-image-not-image = 📄 Este elemento del álbum no es una imagen que pueda usar como referencia: manda fotos o archivos PNG, JPEG o WebP. No se te cobró nada.
mj-button-working = ⏳ { $action }…
mj-button-unsupported = Este botón no está disponible para este modelo de Midjourney. Prueba otro botón, o empieza un nuevo /mj.
mj-button-region = 🖌 Vary (Region) necesita una máscara dibujada sobre la imagen, y eso no se puede hacer en un chat. Prueba 🪄 Vary (Subtle) o (Strong), o 🔍 Custom Zoom.
mj-button-region-gallery = 🖌 Vary (Region) se dibuja en la galería: abre /gallery, elige esta imagen y pinta la parte que quieres redibujar.
mj-button-stale = Este botón ya no es válido.
mj-button-busy = Ya estoy en ello…
mj-button-not-yours = Estos botones son de la imagen de otra persona.
mj-button-model-off = Este modelo de Midjourney ya no está disponible.
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ Se ejecutó en modo { $mode }.
mj-ran-other-mode = ⚡ Se ejecutó en modo { $mode }, no en { $asked }: el servicio no aplicó la velocidad pedida. Pagaste el precio de { $asked }.
mj-document-note = La imagen a tamaño completo (más grande de lo que Telegram permite para fotos).
mj-describe-title = 🔍 <b>Cuatro prompts para tu imagen</b>
mj-describe-hint = Toca un número para generar con ese prompt.
mj-describe-button = { $n } ✨ Imagine
mj-describe-gone = Ese prompt ya no está disponible.
mj-preview-caption = 👀 Vista previa
mj-modal-zoom-ask =
    🔍 <b>Custom Zoom</b>: manda el prompt con <code>--zoom</code> entre 1 y 2, o solo un número (por ejemplo <code>1.5</code>) para mantener el prompt:
    <code>{ $prompt }</code>

    El zoom cuesta { $price }. /cancel para cancelarlo.
mj-modal-remix-ask =
    🎛 <b>Remix</b>: este paso ({ $action }) puede recibir un prompt nuevo antes de ejecutarse. Prompt actual:
    <code>{ $prompt }</code>

    Cuesta { $price }.
mj-modal-new-ask = ✏️ Manda el nuevo prompt como texto. /cancel para cancelarlo.
mj-modal-button-keep = ▶️ Mantener el prompt
mj-modal-button-new = ✏️ Prompt nuevo
mj-modal-button-cancel = ✖️ Cancelar
mj-modal-continuing = ▶️ En marcha.
mj-modal-waiting = ✅ Entendido: sigue en cuanto Midjourney esté listo.
mj-modal-cancelled = ✖️ Cancelado. { $refund }
mj-modal-gone = Este paso ya no está esperando un prompt.
mj-modal-text-only = Manda el prompt como texto, o /cancel.
mj-modal-insufficient = 💰 No tienes saldo suficiente para este paso: cuesta { $price } y tienes { $balance }.
mj-blend-ask = 🧩 <b>Blend</b>: manda de 2 a 5 fotos (lo más fácil es un álbum). /cancel para salir.
mj-blend-choose = 📐 Fotos: { $count }. Elige la forma del resultado, o manda más fotos (hasta 5).
mj-blend-portrait = ▯ Vertical
mj-blend-square = ◻️ Cuadrada
mj-blend-landscape = ▭ Horizontal
mj-blend-need-more = Primero manda al menos 2 fotos.
mj-blend-too-many = Máximo 5 fotos: las demás se quedan fuera.
mj-blend-cancelled = Blend cancelado.
mj-describe-ask = 🔍 <b>Describe</b>: manda una foto y te escribo cuatro prompts para ella. /cancel para salir.
mj-describe-cancelled = Describe cancelado.
mj-photo-only = Manda una foto, o /cancel.
mj-finish-first = Primero termina el paso actual, o cancélalo con /cancel.
mj-action-upscale = Upscale
mj-action-variation = Variation
mj-action-low_variation = Vary (Subtle)
mj-action-high_variation = Vary (Strong)
mj-action-reroll = Reroll
mj-action-zoom = Zoom Out
mj-action-pan = Pan
mj-action-custom_zoom = Custom Zoom
mj-action-inpaint = Vary (Region)
