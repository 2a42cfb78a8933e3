# Support: the user's side, and the operator's support chat (in the operator's language).
support-contact = 💬 Soporte: { $contact }
    Escribe ahí y te ayudaremos.
support-ask = 💬 Escribe a soporte en un solo mensaje: texto, una foto o un documento (las capturas de pantalla ayudan). /cancel para salir.
support-ask-reply = ✍️ Escribe tu respuesta a soporte: texto, una foto o un documento. /cancel para salir.
support-button-send = ✅ Enviar
support-button-cancel = ✖️ Cancelar
support-button-reply = 💬 Responder a soporte
support-confirm = ¿Envío este mensaje a soporte?
support-cancelled = Cancelado. No se envió nada.
support-empty = El mensaje está vacío. Describe tu consulta con palabras (también vale una foto con pie de foto).
support-too-long = Es demasiado largo ({ $length } de un máximo de { $max ->
    [one] { $max } carácter
    [many] { $max } caracteres
   *[other] { $max } caracteres
}). Acórtalo o mándalo como documento.
support-unsupported = Solo puedo reenviar texto, fotos y documentos. Descríbelo en un mensaje.
support-sent = ✅ Enviado a soporte como solicitud #{ $ticket }. La respuesta llegará aquí, en este chat.
support-sent-more = ✅ Añadido a tu solicitud #{ $ticket }.
support-failed = ⚠️ No pude contactar con soporte ahora mismo. Vuelve a intentarlo más tarde o escribe a { $contact }.
support-failed-no-contact = ⚠️ No pude contactar con soporte ahora mismo. Vuelve a intentarlo más tarde.
support-not-set-up = 💬 El soporte de este bot todavía no está configurado, así que no hay adónde enviar mensajes. Lo sentimos.
support-rate-limited = ⏳ Estás escribiendo a soporte con demasiada frecuencia. Espera unos minutos.
support-expired = Esta solicitud caducó. Escribe /support para empezar de nuevo.
support-private-only = Para contactar con soporte, escríbeme en un chat privado: { $link }
support-closed-user = ✅ Tu solicitud de soporte #{ $ticket } se cerró. Si necesitas algo más, escribe /support.
support-header-new = 📩 <b>Nuevo ticket #{ $ticket }</b>
support-header-more = 💬 <b>Ticket #{ $ticket }</b>
support-header-user = 👤 { $name } · <code>{ $id }</code> · { $username } · { $language }
support-header-balance = 💰 Saldo: { $balance }
support-header-banned = ⛔ Baneado
support-header-blocked = 🚫 Ha bloqueado el bot
support-header-no-jobs = 🧾 Aún sin generaciones
support-header-last-job = 🧾 Última generación: <code>{ $job }</code> · { $family } · { $model } · { $status } · { $when }
support-header-last-error = ⚠️ Su error: <code>{ $code }</code> { $message }
support-header-hint-forum = ↩️ Todo lo que se escriba en este tema le llega al usuario; empieza un mensaje con // para que se quede aquí. /close cierra el ticket.
support-header-hint-group = ↩️ Responde a este mensaje (o al mensaje del usuario de abajo) para contestar. /close como respuesta cierra el ticket.
support-answer-blocked = ⚠️ No entregado: el usuario ha bloqueado el bot.
support-answer-failed = ⚠️ No entregado: { $reason }
support-not-ticket = Este mensaje no forma parte de ningún ticket. Responde al mensaje de un usuario o a su encabezado, o escribe en el tema del usuario.
support-ticket-closed = ✅ Ticket #{ $ticket } cerrado. Se avisó al usuario.
support-ticket-already-closed = El ticket #{ $ticket } ya está cerrado.
support-close-where = Usa /close dentro del tema de un usuario, o como respuesta a un mensaje de un ticket.
support-not-staff = Solo los operadores del bot (ADMIN_IDS) pueden responder a los usuarios o cerrar tickets aquí. Tu mensaje se queda en este chat y no se envió al usuario.
support-not-staff-chat-admins = Solo los operadores del bot y los administradores de este chat pueden responder a los usuarios o cerrar tickets aquí. Tu mensaje se queda en este chat y no se envió al usuario.
support-anonymous-admin = Los administradores anónimos no pueden responder a los usuarios aquí: el bot no puede saber quién eres. Desactiva "Permanecer anónimo" en tus permisos de administrador, o pide al operador que configure SUPPORT_STAFF=chat-admins. Tu mensaje no se envió al usuario.
support-ask-payment = 💳 Cuéntale a soporte qué salió mal con tu pago, en un solo mensaje (una captura del recibo ayuda). Tus pagos recientes con Estrellas se adjuntan para el operador. /cancel para salir.
support-header-stars = ⭐ Pago con Estrellas { $when }: { $stars } ⭐, cargo <code>{ $charge }</code>
support-header-stars-refunded = ⭐ Pago con Estrellas { $when }: { $stars } ⭐, reembolsado, cargo <code>{ $charge }</code>
