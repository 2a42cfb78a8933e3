# Core: start, help, errors, commands menu.
start-greeting =
    👋 ¡Hola, { $name }!

    Genero imágenes y videos con los mejores modelos: DALL·E, FLUX, Gemini, Midjourney, Kling, Sora, Veo y más.

    Solo mándame la descripción de una imagen, o usa los comandos de abajo.
start-balance = 💰 Saldo: { $balance }
help-text =
    <b>Lo que puedo hacer</b>

    🎨 /imagine <i>prompt</i> — generar una imagen (o simplemente mándame un texto)
    ✏️ /edit <i>instrucción</i> — editar una foto (manda la foto con la instrucción como pie)
    🖼 /mj <i>prompt</i> — Midjourney; /blend, /describe
    🎬 /video <i>prompt</i> — crear un video (si mandas una foto con este pie de foto, la animo)
    ⚙️ /settings — modelo, tamaño, número de imágenes
    📋 /models — modelos y precios
    🧾 /jobs — tus generaciones recientes

    💰 /balance — saldo e historial
    🎟 /redeem <i>código</i> — recargar con un código
    🔑 /key — usar tu propia clave API
    💬 /support — escribir a soporte
    🌐 /language — cambiar el idioma
unknown-command = No conozco ese comando. Esto es lo que puedo hacer: /help
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
