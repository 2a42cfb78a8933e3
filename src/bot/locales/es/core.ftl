# Core: start, help, errors, commands menu.
start-greeting = 👋 ¡Hola, { $name }!

    Creo imágenes y videos a partir de tus palabras:
start-balance = 💳 Cada generación se paga con tu saldo: ves el precio antes de que empiece, y si falla, se te reembolsa. Tu saldo: <b>{ $balance }</b>.
start-own-key = 🔑 Tienes vinculada tu propia clave API: las generaciones se pagan con ella, no con el saldo.
start-line-images = 🎨 Imágenes: { $names }
start-line-edit = ✏️ Edición de fotos: { $names }
start-line-midjourney = 🖼 { $names }
start-line-video = 🎬 Video: { $names }
start-and-more = { $names } (y { $count ->
        [one] { $count } más
        [many] { $count } más
       *[other] { $count } más
    })
start-hint = ✍️ Solo mándame la descripción de una imagen, o usa los botones de abajo.
help-text = <b>Lo que puedo hacer</b>: elige un tema abajo, o simplemente mándame la descripción de una imagen.
help-topic-images = 🎨 Imágenes
help-topic-midjourney = 🖼 Midjourney
help-topic-video = 🎬 Video
help-topic-money = 💰 Saldo y pagos
help-topic-account = ⚙️ Ajustes y soporte
help-images = <b>🎨 Imágenes</b>

    /imagine <i>prompt</i>: generar una imagen (o simplemente mándame un texto)
    /edit <i>instrucción</i>: editar una foto (o manda la foto con la instrucción como pie; también sirve un álbum)
    /settings: modelo, tamaño y número de imágenes
    /models: todos los modelos y sus precios
    /jobs: tus generaciones recientes

    Debajo de cada resultado: 🔁 otra vez, ✏️ editarlo, 📎 el archivo original.
help-midjourney = <b>🖼 Midjourney</b>

    /mj <i>prompt</i>: cuatro imágenes en una cuadrícula; puedes usar parámetros como --ar 16:9 o --v 6
    Los botones debajo de una cuadrícula: U1–U4 amplían una (upscale), V1–V4 crean variaciones de una, 🔄 la vuelve a generar; después vienen zoom, pan y vary (region)
    /blend: mezclar varias fotos (mándalas como álbum con /blend como pie)
    /describe: manda una foto y recibe cuatro prompts para ella
help-video = <b>🎬 Video</b>

    /video <i>prompt</i>: un video a partir de un texto; antes te muestro su precio, su duración y el modelo
    Una foto con /video como pie: la foto cobra vida (de imagen a video)
    Los videos tardan unos minutos: te mando el resultado aquí cuando esté listo, aunque me hayan reiniciado mientras tanto.
help-money = <b>💰 Saldo y pagos</b>

    /balance: tu saldo y su historial
    /topup: recargar con Estrellas de Telegram
    /redeem <i>código</i>: recargar con un código (o simplemente mándame el código)
    /invite: invitar amigos; tú y cada amigo reciben un bono
    /key: usar tu propia clave API en lugar del saldo
    /paysupport: ayuda con un pago · /terms: términos del servicio

    El precio se reserva cuando empieza una generación y se te devuelve si falla.
help-account = <b>⚙️ Ajustes y soporte</b>

    /settings: modelos y parámetros
    /language: cambiar el idioma
    /cancel: dejar lo que estás haciendo (una pregunta, un borrador)
    /support: escribir a una persona; la respuesta llega aquí
unknown-command = No conozco ese comando. Esto es lo que puedo hacer: /help
unknown-command-suggest = No conozco /{ $typed }. ¿Quisiste decir /{ $command }?
cancel-nothing = No hay nada que cancelar: no tienes abierta ninguna pregunta ni ningún borrador. /help muestra lo que puedo hacer.
bot-short-description = Imágenes y videos a partir de tus palabras, con los mejores modelos de IA en un solo chat. Pago por uso.
bot-description = Creo imágenes y videos a partir de una descripción con modelos como { $names }, todo en un solo chat. También edito fotos y les doy vida.

    Cada generación se paga con tu saldo; el precio se muestra antes de que empiece, y si falla, se te reembolsa. Pulsa Iniciar para ver los modelos y cómo recargar.
unknown-callback = Este botón ya no funciona.
error-generic = ⚠️ Algo salió mal de mi parte. No se te cobró nada. Vuelve a intentarlo en un momento.
banned = ⛔ Tu acceso a este bot está suspendido. Si crees que es un error, escribe a { $contact }.
banned-no-contact = ⛔ Tu acceso a este bot está suspendido.
not-in-private = Para eso, escríbeme en un chat privado.
language-choose = 🌐 Elige tu idioma:
language-set = ✅ Idioma: español
button-models = 📋 Modelos y precios
button-balance = 💰 Saldo
button-help = ❓ Ayuda
button-support = 💬 Soporte
cmd-start = Iniciar
cmd-help = Qué puede hacer el bot
cmd-imagine = Generar una imagen
cmd-edit = Editar una foto
cmd-mj = Midjourney
cmd-video = Generar un video
cmd-settings = Modelo y parámetros
cmd-models = Modelos y precios
cmd-jobs = Mis generaciones
cmd-gallery = Mis resultados (galería)
cmd-balance = Saldo
cmd-redeem = Canjear un código
cmd-key = Mi propia clave API
cmd-support = Contactar con soporte
cmd-language = Idioma
cmd-cancel = Cancelar la acción actual
cmd-topup = Recargar con Estrellas de Telegram
cmd-invite = Invitar amigos
cmd-paysupport = Ayuda con un pago
cmd-terms = Términos del servicio
start-welcome-credit = 🎁 ¡Te damos la bienvenida! Tienes <b>{ $amount }</b> para probar los modelos.
terms-default = 📄 <b>Términos</b>
    Los pagos con Estrellas de Telegram compran saldo para generar en este bot; el saldo se gasta en generaciones al precio que se muestra antes de cada una, y si una generación falla, se reembolsa al saldo automáticamente.
    Dudas o problemas con un pago: /paysupport. El operador decide sobre los reembolsos de Estrellas.
