# Money and account: balance, redeem codes, own API key, models, language, admin money tools.
# HTML parse mode: variables that carry user text are escaped by the code.

## /balance
balance-title = 💰 <b>Saldo: { $balance }</b>
balance-key-linked = 🔑 Tienes vinculada tu propia clave API { $masked }: las generaciones se pagan con ella, no con este saldo.
balance-key-quota = Cuota de la clave: quedan <b>{ $remaining }</b> de { $total } (usado: { $used }).
balance-key-quota-unlimited = Cuota de la clave: <b>ilimitada</b> (usado: { $used }).
balance-key-quota-unavailable = Ahora mismo no se pudo consultar la cuota de tu clave. Vuelve a probar /balance en un minuto.
balance-key-exhausted = ⚠️ Tu clave API ya no tiene cuota. Recárgala donde la obtuviste, o quítala con /key remove para pagar con este saldo.
balance-key-invalid = ⚠️ Tu clave API { $masked } fue rechazada (incorrecta, desactivada o caducada). Manda una nueva con /key, o quítala con /key remove para pagar con este saldo.
balance-history-title = <b>Movimientos recientes</b> (UTC)
balance-history-empty = Aún no hay movimientos.
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = recarga
balance-kind-code = código de canje { $hint }
balance-kind-charge = generación, { $model }
balance-kind-refund = reembolso, { $model }
balance-kind-adjustment = ajuste del operador
balance-how-to-buy-link = 🎟 <b>Recargar:</b> compra un código en { $link } y mándalo aquí (o /redeem <i>código</i>).
balance-how-to-buy-contact = 🎟 <b>Recargar:</b> compra un código a { $contact } y mándalo aquí (o /redeem <i>código</i>).
balance-how-to-redeem = 🎟 <b>Recargar:</b> mándame aquí un código de canje (o /redeem <i>código</i>).

## Redeem codes
redeem-usage = 🎟 Mándame tu código: <code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>, o simplemente pégalo aquí.
redeem-ok = ✅ Código canjeado: <b>+{ $amount }</b>. Saldo: <b>{ $balance }</b>.
redeem-ok-own-key = Tienes vinculada tu propia clave API, así que las generaciones se pagan con ella; este saldo se vuelve a usar después de /key remove.
redeem-malformed = ❌ Eso no es un código de canje. Los códigos tienen este aspecto: <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>.
redeem-typo = ❌ Este código tiene un error: hay un carácter incorrecto o dos intercambiados. Revísalo y vuelve a intentarlo.
redeem-not-found = ❌ Ese código no existe. Revísalo y vuelve a intentarlo.
redeem-expired = ⌛ Este código caducó.
redeem-used-up = ❌ Este código ya se usó.
redeem-already = ℹ️ Ya canjeaste este código.
redeem-disabled = ❌ El vendedor retiró este código.
redeem-attempts-left = Intentos restantes: { $attempts }.
redeem-locked = 🔒 Demasiados códigos incorrectos: el canje está bloqueado durante { $minutes } min.
redeem-rate-limited = 🔒 Demasiados códigos incorrectos. Vuelve a intentarlo en { $minutes } min.

## Own API key
key-ask = 🔑 Mándame tu clave API (empieza por <code>sk-</code>). Borraré tu mensaje en cuanto la lea.

    /cancel para salir.
key-ask-replace = 🔑 Tienes vinculada tu clave { $masked } ({ $status }). Manda una clave nueva para cambiarla, /key remove para desvincularla, o /cancel.
key-status-ok = funciona
key-status-invalid = rechazada (incorrecta o caducada)
key-cancelled = Cancelado. No se cambió nada.
key-linked = ✅ Tu clave { $masked } quedó vinculada. Ahora las generaciones usan esta clave y se pagan con ella, no con tu saldo. /key remove la desvincula.
key-not-a-key = ❌ Eso no es una clave API: las claves empiezan por <code>sk-</code>, seguido de al menos 16 letras y números. No se cambió nada. Manda /key para volver a intentarlo.
key-invalid = ❌ Esta clave fue rechazada (incorrecta, desactivada o caducada). No se cambió nada. Revísala y vuelve a mandar /key.
key-exhausted = ❌ Esta clave ya no tiene cuota. No se cambió nada. Recárgala donde la obtuviste y vuelve a mandar /key.
key-unavailable = ⚠️ Ahora mismo no pude comprobar la clave: el servicio no respondió. No se cambió nada; vuelve a probar /key en unos minutos.
key-rate-limited = 🔒 Demasiadas comprobaciones de claves. Vuelve a intentarlo en { $minutes } min.
key-delete-failed = ⚠️ No pude borrar tu mensaje con la clave: bórralo tú, por favor.
key-removed = 🗑 Tu clave { $masked } se quitó. Las generaciones vuelven a pagarse con tu saldo.
key-none = No tienes ninguna clave vinculada. Manda /key para vincular una.
key-group = ⚠️ Nunca publiques tu clave en un grupo. Intenté borrar el mensaje; si sigue ahí, revoca la clave donde la obtuviste. Mejor mándame /key por chat privado.

## /models
models-title = 📋 <b>Modelos y precios</b>
models-family-image = 🎨 Imágenes
models-family-chat-image = 💬 Imágenes de modelos de chat
models-family-edit = ✏️ Edición de fotos
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 Video
models-line = • { $title } — { $price }
models-price-image = { $price } por imagen
models-price-call = { $price } por solicitud
models-price-mj = { $price } por /imagine, upscale { $upscale }, variación { $variation }
models-price-second = { $price } por segundo ({ $durations } s)
models-price-video = { $price } por video ({ $durations } s)
models-price-pro = pro ×{ $factor }
models-price-free = gratis
models-empty = Ahora mismo no hay modelos disponibles.
models-footer = Elige un modelo en /settings. El precio se descuenta de tu /balance cuando empieza una generación y se te devuelve si falla.
models-own-key = 🔑 Tienes vinculada tu propia clave API: tus generaciones se pagan con ella, así que estos precios no se te aplican.

## /language

## Amounts typed by admins
money-amount-not-a-number = ❌ “{ $value }” no es un importe. Escríbelo como 5 o 2.50.
money-amount-zero = ❌ El importe no puede ser cero.
money-amount-negative = ❌ El importe debe ser positivo.
money-amount-decimals = ❌ “{ $value }” tiene demasiados decimales para { $currency }.
money-amount-ambiguous = ❌ “{ $value }” es ambiguo (¿miles o decimales?). Escribe 1000 o 1.50.
money-amount-too-large = ❌ “{ $value }” es demasiado: como máximo { $maxAmount } cada vez.

## Admin command menu (commands.ts ADMIN_COMMANDS)
admin-cmd-codes = Crear códigos de canje
admin-cmd-credit = Abonar o cargar saldo
admin-cmd-user = Saldo, clave y generaciones de un usuario

## /codes (admins)
codes-usage =
    Uso: <code>/codes &lt;cantidad&gt; &lt;importe&gt; [usos] [caducidad]</code>
    • <code>/codes 10 5</code> — diez códigos de un solo uso de 5 { $currency }
    • <code>/codes 1 2.50 100 30d</code> — un código que pueden canjear 100 personas, válido 30 días
    Caducidad: <code>12h</code>, <code>30d</code>, <code>2w</code>, una fecha como <code>2026-12-31</code> (válido hasta ese día incluido, UTC) o <code>never</code>.
codes-bad-count = ❌ La cantidad debe ser un número entero del 1 al { $max }.
codes-bad-uses = ❌ Los usos deben ser un número entero del 1 al { $max }.
codes-bad-expiry = ❌ “{ $value }” no es una caducidad válida: usa 12h, 30d, 2w, una fecha futura como 2026-12-31, o never.
codes-done = ✅ { $count ->
    [one] { $count } código
    [many] { $count } códigos
   *[other] { $count } códigos
} × <b>{ $amount }</b>, { $uses ->
    [one] un uso
    [many] { $uses } usos
   *[other] { $uses } usos
} cada uno, { $expiry }. Lote <code>{ $batch }</code>.
codes-expiry-never = sin caducidad
codes-expiry-at = hasta el { $date } UTC
codes-inline-title = Toca un código para copiarlo:
codes-file-header =
    Códigos de canje, lote { $batch }
    Importe: { $amount } por canje
    Usos por código: { $uses }
    Caducidad: { $expiry }
    Códigos: { $count }; creados el { $created } UTC por el administrador { $admin }
codes-file-links = Enlaces directos (al abrir uno en Telegram se canjea el código):

## /credit (admins)
credit-usage =
    Uso: <code>/credit &lt;id de usuario o @username&gt; &lt;importe&gt; [nota]</code>
    Un importe negativo quita dinero (nunca por debajo de cero). Ejemplo: <code>/credit @ann 5 compensación</code>
credit-unknown-user = ❌ No conozco al usuario { $query }: primero tiene que escribirle al bot.
credit-below-zero = ❌ Eso dejaría el saldo de { $name } por debajo de cero (es { $balance }). No se cambió nada.
credit-done = ✅ { $amount } para { $name } (<code>{ $id }</code>). Nuevo saldo: <b>{ $balance }</b>.

## /user (admins)
user-usage = Uso: <code>/user &lt;id de usuario o @username&gt;</code>
user-unknown = ❌ No conozco al usuario { $query }.
user-card =
    👤 <b>{ $name }</b> · { $username } · id <code>{ $id }</code>
    Idioma: { $language } · se unió el { $created } · visto por última vez el { $seen } (UTC)
    Estado: { $flags }
    💰 Saldo: <b>{ $balance }</b>
    🔑 Clave propia: { $key }
user-flag-banned = ⛔ baneado
user-flag-blocked = 🚫 bloqueó el bot
user-flags-none = ✅ activo
user-key-none = ninguna
user-key-ok = { $masked } (funciona)
user-key-invalid = { $masked } (rechazada)
user-jobs-title = <b>Últimas generaciones</b>
user-jobs-empty = Sin generaciones.
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = clave propia
user-ledger-title = <b>Registro de movimientos</b>
user-ledger-empty = Sin movimientos.
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = por <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = Estrellas de Telegram, { $stars } ⭐
balance-kind-stars-refund = pago con Estrellas reembolsado
balance-kind-welcome = saldo de bienvenida
balance-kind-referral = bono por invitación
balance-how-to-stars = ⭐ <b>Recargar con Estrellas de Telegram:</b> /topup
stars-button = ⭐ Recargar con Estrellas
stars-packs = ⭐ <b>Recargar con Estrellas de Telegram</b>
    Elige un paquete. Telegram procesa el pago y tu saldo aumenta en cuanto se confirma.
    Dudas sobre un pago: /paysupport · Términos: /terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = Aquí no se ofrecen recargas con Estrellas de Telegram. Usa un código de canje (/redeem).
stars-pack-gone = Este paquete ya no está a la venta. Vuelve a abrir /topup.
stars-invoice-title = Saldo +{ $credit }
stars-invoice-description = { $stars ->
    [one] { $stars } Estrella de Telegram
    [many] { $stars } Estrellas de Telegram
   *[other] { $stars } Estrellas de Telegram
} por { $credit } de saldo para generar en { $bot }.
stars-invoice-label = Saldo +{ $credit }
stars-checkout-malformed = Esta factura no corresponde a ningún paquete de este bot. Abre /topup para obtener una nueva.
stars-checkout-not-yours = Esta factura se creó para otra cuenta. Abre /topup en el bot para obtener la tuya.
stars-checkout-changed = Este paquete cambió desde que se creó la factura. Abre /topup para ver el actual.
stars-checkout-gone = Este paquete ya no está a la venta. Abre /topup para ver los paquetes actuales.
stars-paid = ✅ Pago recibido: { $stars } ⭐ → <b>+{ $credit }</b>. Saldo: <b>{ $balance }</b>.
stars-paid-unreadable = ⚠️ Telegram confirmó un pago que no puedo asociar a ningún paquete. No se perdió nada: escribe a /paysupport y el operador lo resolverá.
stars-refunded = ↩️ Se reembolsó tu pago de { $stars } ⭐. Se descontaron { $taken } de tu saldo; saldo: <b>{ $balance }</b>.

## Referrals and the welcome credit
invite-text = 🤝 <b>Invita a tus amigos</b>
    Cuando alguien abra el bot con tu enlace y recargue por primera vez, los dos recibirán <b>{ $bonus }</b>.
    Tu enlace: { $link }
    { $invited ->
        [0] Todavía nadie se ha unido con él.
        [one] { $invited } persona se unió con él; ya recargaron: { $rewarded }.
        [many] { $invited } personas se unieron con él; ya recargaron: { $rewarded }.
       *[other] { $invited } personas se unieron con él; ya recargaron: { $rewarded }.
    }
invite-off = Aquí no se ofrecen invitaciones.
invite-refused-self = ℹ️ Ese es tu propio enlace de invitación: compártelo con tus amigos.
invite-refused-unknown_code = ℹ️ Este enlace de invitación no es válido (puede que esté mal escrito).
invite-refused-not_new = ℹ️ Los enlaces de invitación son para quienes usan el bot por primera vez, y tú ya lo habías usado.
referral-bonus-referred = 🎁 Gracias por recargar: recibiste un bono por invitación de <b>{ $amount }</b>.
referral-bonus-referrer = 🎉 Un amigo al que invitaste acaba de recargar: recibiste un bono por invitación de <b>{ $amount }</b>.

## Admin: Stars payments
admin-cmd-stars = Pagos y reembolsos de Estrellas de un usuario
admin-cmd-reconcile = Conciliar los pagos con Estrellas con Telegram
user-stars-button = ⭐ Pagos con Estrellas
stars-admin-usage = Uso: <code>/stars &lt;id o @username&gt;</code>
stars-admin-none = { $name } no ha hecho pagos con Estrellas.
stars-admin-title = ⭐ <b>Pagos con Estrellas de { $name }</b> (los más recientes primero, UTC)
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · reembolsado, { $reversed } descontado · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ Reembolsar { $stars } ⭐ ({ $when })
stars-admin-refund-anyway = ↩️ Reembolsar de todos modos
stars-admin-spent = ⚠️ El usuario ya gastó parte de este saldo ({ $credit } por { $stars } ⭐). Un reembolso devuelve todas las Estrellas, pero solo puede descontar los { $left } que quedan (el saldo queda en cero). ¿Reembolsar de todos modos?
stars-admin-refunded = ✅ Reembolso hecho: { $stars } ⭐. Se descontaron { $taken } del saldo; ahora es { $balance }.
stars-admin-refund-failed = ❌ Telegram rechazó el reembolso: { $reason }. No se movió dinero.
stars-admin-already = ℹ️ Este pago ya se reembolsó.
stars-admin-unknown = Este pago no está en la base de datos.
