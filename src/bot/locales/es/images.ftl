# Image generation, photo editing, /settings and /jobs.
imagine-usage =
    🎨 Describe la imagen después del comando, por ejemplo:
    <code>/imagine un zorro rojo en la nieve, acuarela</code>

    En un chat privado también puedes mandar solo la descripción. Agrega <code>--ar 16:9</code>, <code>--size 1024x768</code> o <code>--n 2</code> para cambiar /settings solo en esa solicitud.
imagine-model-options = ⚙️ { $model } también acepta: <code>{ $flags }</code>
imagine-no-model = 🎨 Ahora mismo no hay ningún modelo de imágenes disponible. Vuelve a intentarlo más tarde.
edit-no-model = ✏️ Ahora mismo no hay ningún modelo para editar fotos disponible. Vuelve a intentarlo más tarde.
edit-ask = ✏️ ¿Qué quieres cambiar en esta foto? Manda la instrucción en un mensaje (o /cancel).
edit-ask-album = ✏️ ¿Qué quieres cambiar en estas fotos ({ $count })? Manda la instrucción en un mensaje (o /cancel).
edit-send-photo = 📷 Ahora manda la foto que quieres editar (o /cancel).
edit-send-photo-captioned = 📷 Manda la foto que quieres editar con la instrucción como pie de foto, por ejemplo “haz el cielo morado” (o /cancel).
edit-too-large = 📷 Este archivo pesa { $size }: los bots solo pueden descargar de Telegram archivos de hasta { $sizeLimit }. Manda una foto más pequeña (como foto, no como archivo; Telegram la comprime). No se te cobró nada.
edit-not-image = 📄 Este archivo no es una imagen que pueda editar. Manda una foto o un archivo PNG, JPEG o WebP. No se te cobró nada.
edit-cancelled = ✖️ Cancelado. Manda una descripción para generar una imagen, o una foto con pie de foto para editarla.
settings-title = ⚙️ <b>Ajustes</b>
settings-line-model = 🎨 Modelo de imágenes: <b>{ $model }</b> · { $price }
settings-line-size = 📐 Tamaño: { $value }
settings-line-aspect = 📐 Relación de aspecto: { $value }
settings-line-n = 🔢 Imágenes por solicitud: { $n } (máximo { $max })
settings-line-options = ⚙️ Opciones: <code>{ $flags }</code>
settings-line-edit = ✏️ Modelo de edición: <b>{ $model }</b> · { $price }
settings-line-mj = 🖼 Midjourney: <b>{ $model }</b> · { $price }
settings-line-mj-version = 🧬 Versión: <code>{ $flag }</code>
settings-line-mj-version-default = 🧬 Versión: la predeterminada del servicio
settings-button-mj-version-default = Predeterminada
settings-button-mj = 🖼 Midjourney: velocidad y versión
settings-choose-mj = 🖼 Midjourney y Niji en cada velocidad: relax es más barato, pero puede esperar en cola; turbo es el más rápido. Los precios son por cuadrícula y por upscale. La última fila es la versión del modelo con la que se ejecutan tus prompts (al mismo precio); si escribes una versión en el prompt, como --v 6.1, esa tiene prioridad.
settings-price-mj = { $imagine } por cuadrícula, { $upscale } por upscale
settings-button-model = 🎨 Modelo de imágenes
settings-button-size = 📐 Tamaño
settings-button-aspect = 📐 Relación de aspecto
settings-button-n = 🔢 Número de imágenes
settings-button-edit = ✏️ Modelo de edición
settings-button-back = ⬅️ Atrás
settings-button-close = ✖️ Cerrar
settings-family-image = 🖼 Modelos de imágenes ({ $count })
settings-family-chat-image = 💬 Modelos de chat con imágenes ({ $count })
settings-family-edit = ✏️ Modelos de edición de fotos ({ $count })
settings-choose-family-g = 🎨 ¿Qué tipo de modelo quieres que cree tus imágenes?
settings-choose-family-e = ✏️ ¿Qué tipo de modelo quieres que edite tus fotos?
settings-choose-model-g = 🎨 { $family }: elige el modelo para las imágenes nuevas.
settings-choose-model-e = ✏️ { $family }: elige el modelo para editar fotos.
settings-choose-size = 📐 Tamaños que ofrece { $model }:
settings-choose-aspect = 📐 Relaciones de aspecto que ofrece { $model }:
settings-choose-n = 🔢 ¿Cuántas imágenes por solicitud? { $model } crea hasta { $max ->
    [one] { $max } imagen
    [many] { $max } imágenes
   *[other] { $max } imágenes
}; se cobra cada una.
settings-price-image = { $price } por imagen
settings-price-call = { $price } por solicitud
settings-not-yours = Estos son los ajustes de otra persona. Manda /settings para ver los tuyos.
settings-model-gone = Este modelo ya no está disponible. Elige otro.
settings-mj-version-gone = Esta versión no está disponible para el modelo de Midjourney elegido. Elige una de las versiones que se muestran.
settings-saved-model = ✅ Modelo: { $model }
settings-saved-value = ✅ Guardado: { $value }
settings-no-sizes = { $model } no tiene opciones de tamaño: el tamaño lo elige el propio modelo.
settings-single-n = { $model } crea una imagen por solicitud.
jobs-cancel-button = ✖️ Cancelar { $id }
jobs-cancelled-toast = ✖️ Cancelado, no se te cobró nada.
jobs-already-cancelled = Ya está cancelado.
jobs-again-toast = 🔁 Otra vez…
jobs-model-gone = El modelo { $model } ya no está disponible, así que no puedo repetir esto. Elige otro en /settings.
jobs-not-finished = Esta generación aún no ha terminado.
jobs-edit-which = Responde con /edit a la imagen que quieres cambiar y escribe qué cambiar.
