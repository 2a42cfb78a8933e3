# La Mini App (galería) y los botones que la abren.
app-title = Mis resultados
app-empty = Aún no hay nada. Tus imágenes y videos aparecerán aquí cuando estén listos.
app-loading = Cargando…
app-more = Ver más
app-original = ⬇️ Archivo original
app-share = ↗️ Compartir en un chat
app-error = Algo salió mal. Cierra la galería y ábrela de nuevo.
app-error-auth = Esta página no pudo confirmar quién eres. Vuelve a abrir la galería desde el bot.
app-error-gone = Este resultado ya no está disponible.
button-gallery = 🖼 Mi galería
gallery-open = 🖼 Tus resultados, en una galería:
gallery-off = La galería no está configurada en este bot. /jobs muestra tus generaciones recientes.
