# Admin tools: ban, reload, stats, broadcast (only admins ever see these).
admin-cmd-stats = Estadísticas
admin-cmd-broadcast = Enviar un mensaje a todos los usuarios
admin-cmd-ban = Banear a un usuario
admin-cmd-unban = Desbanear a un usuario
admin-cmd-reload = Recargar el catálogo de modelos
admin-usage-ban = Uso: /ban <id de usuario o @username>, o /ban como respuesta a un mensaje de un ticket en el chat de soporte.
admin-usage-unban = Uso: /unban <id de usuario o @username>
admin-user-not-found = No se encontró al usuario “{ $query }”. Tiene que haberle escrito al bot al menos una vez.
admin-banned = ⛔ { $user } está baneado: a partir de ahora solo recibe el aviso de suspensión.
admin-already-banned = { $user } ya estaba baneado.
admin-unbanned = ✅ { $user } está desbaneado.
admin-not-banned = { $user } no estaba baneado.
admin-cannot-ban-admin = No se puede banear a un administrador.
admin-reload-ok = ✅ Catálogo recargado: { $models ->
    [one] { $models } modelo
    [many] { $models } modelos
   *[other] { $models } modelos
} (activos: { $enabled }, antes: { $previous }).
admin-reload-failed = ❌ El catálogo no se recargó; se mantiene el actual (modelos: { $models }).
stats-title = 📊 <b>Estadísticas</b> · { $when }
stats-users = 👥 Usuarios: { $total } · activos hoy { $today } · 7 días { $week } · nuevos hoy { $fresh }
stats-users-flags = bloquearon el bot { $blocked } · baneados { $banned } · con saldo { $funded }
stats-jobs-title = 🎨 <b>Generaciones</b>: total { $total }, hoy { $today }
stats-jobs-family = • { $family }: { $total } (hoy { $today }) · listas { $done } · fallidas { $failed } · en curso { $active }
stats-jobs-none = • ninguna todavía
stats-money-today = 💰 Hoy: recargas { $topups } · gastado { $spent } · reembolsos { $refunds }
stats-money-total = 💰 En total: recargas { $topups } · gastado { $spent } · reembolsos { $refunds }
stats-models-title = 🏆 <b>Modelos más usados</b> (7 días)
stats-model = • { $model }: { $total } ({ $failed }% fallidas)
stats-failures-title = ⚠️ <b>Fallos</b> (24 h): { $failed } de { $finished } ({ $percent }%)
stats-failure-family = • { $family }: { $failed } de { $finished } ({ $percent }%)
stats-failure-codes = Motivos: { $codes }
stats-gateway = 🌐 Gateway (últimos { $minutes } min): llamadas { $requests }, errores { $errors } ({ $percent }%)
stats-gateway-kinds = Errores: { $kinds }
stats-tickets = 💬 Tickets de soporte: abiertos { $open }, total { $total }
broadcast-ask = 📣 Mándame el mensaje para la difusión (texto, foto, video, documento…). Se copiará tal cual a { $count ->
    [one] { $count } usuario
    [many] { $count } usuarios
   *[other] { $count } usuarios
}. /cancel para salir.
broadcast-nobody = No hay a quién enviarlo: ningún usuario (aparte de los administradores) puede recibir mensajes todavía.
broadcast-confirm = ¿Enviar este mensaje a { $count ->
    [one] { $count } usuario
    [many] { $count } usuarios
   *[other] { $count } usuarios
}?
broadcast-button-send = 📣 Enviar
broadcast-button-cancel = ✖️ Cancelar
broadcast-button-stop = ⏹ Detener
broadcast-cancelled = Cancelado. No se envió nada.
broadcast-unsupported = Eso no se puede difundir. Manda un texto, una foto, un video, un documento u otro mensaje normal.
broadcast-progress = 📣 Difusión #{ $id }: { $done } de { $total } ({ $percent }%)
    ✅ enviados { $sent } · 🚫 bloqueados { $blocked } · ⚠️ fallidos { $failed }
broadcast-eta = ⏱ faltan unos { $eta }
broadcast-done = 📣 La difusión #{ $id } terminó en { $elapsed }.
    ✅ Enviados: { $sent } · 🚫 bloquearon el bot: { $blocked } · ⚠️ fallidos: { $failed } · omitidos: { $skipped }
broadcast-stopped = ⏹ Difusión #{ $id } detenida después de { $done } de { $total }.
    ✅ Enviados: { $sent } · 🚫 bloquearon el bot: { $blocked } · ⚠️ fallidos: { $failed }
broadcast-source-gone = ❌ Difusión #{ $id } detenida: su mensaje se borró. Enviados: { $sent } de { $total }.
broadcast-stopping = Deteniendo…
broadcast-not-running = Esta difusión ya no está en curso.

alert-key_rejected =
    🚨 <b>El gateway de la API rechaza la clave del bot</b> (GATEWAY_API_KEY). Todas las generaciones pagadas con saldo fallan y se reembolsan hasta que vuelva a funcionar.
    Revisa o cambia la clave en { $gateway } y reinicia el bot.
alert-key_rejected-cleared = ✅ El gateway de la API vuelve a aceptar la clave del bot.
alert-balance_low =
    🚨 <b>El saldo del bot en el gateway de la API es bajo</b>: quedan { $remaining } USD. Cuando se agote, las generaciones fallarán (y se reembolsarán).
    Recárgalo en { $gateway }.
alert-balance_low-cleared = ✅ El saldo del bot en el gateway de la API vuelve a estar por encima del nivel de alerta.
alert-gateway_down =
    🚨 <b>El gateway de la API no responde desde hace { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } minutos
       *[other] { $minutes } minutos
    }</b> ({ $gateway }). Las generaciones fallan o se quedan esperando.
alert-gateway_down-cleared = ✅ El gateway de la API vuelve a responder.

## Stars in /stats, reconciliation
stats-stars-total = ⭐ Estrellas en total: recibidas { $stars }, reembolsadas { $refunded } ({ $payments ->
    [one] { $payments } pago
    [many] { $payments } pagos
   *[other] { $payments } pagos
})
stats-stars-day = · { $day }: recibidas { $stars } ⭐, reembolsadas { $refunded } ⭐ ({ $payments ->
    [one] { $payments } pago
    [many] { $payments } pagos
   *[other] { $payments } pagos
})
stats-referral = 🤝 Bonos por invitación pagados: hoy { $today } · en total { $total }
reconcile-clean = ✅ Conciliación de Estrellas: { $checked ->
    [one] { $checked } transacción de Telegram coincide
    [many] { $checked } transacciones de Telegram coinciden
   *[other] { $checked } transacciones de Telegram coinciden
} con el registro.
reconcile-title = ⚠️ <b>Conciliación de Estrellas</b> ({ $checked ->
    [one] { $checked } transacción de Telegram leída
    [many] { $checked } transacciones de Telegram leídas
   *[other] { $checked } transacciones de Telegram leídas
}):
reconcile-credited = · abonado ahora: el pago de { $stars } ⭐ del usuario { $user } no tenía asiento en el registro (cargo <code>{ $chargeId }</code>)
reconcile-reversed = · reembolsado por Telegram, abono retirado ahora: { $stars } ⭐ del usuario { $user } (cargo <code>{ $chargeId }</code>)
reconcile-unmatched = · en el registro pero no en Telegram: { $stars } ⭐ del usuario { $user } (cargo <code>{ $chargeId }</code>): revísalo a mano
reconcile-foreign = · un pago de Telegram que este bot no puede abonar: { $stars } ⭐ (cargo <code>{ $chargeId }</code>): revísalo a mano
reconcile-failed = ❌ No se pudieron leer las transacciones de Estrellas de Telegram. Vuelve a intentarlo más tarde.
