# Support: the user's side, and the operator's support chat (in the operator's language).
support-contact = 💬 Suporte: { $contact }
    Escreva para lá e a gente te ajuda.
support-ask = 💬 Escreva para o suporte em uma única mensagem: texto, foto ou documento (capturas de tela ajudam). /cancel para parar.
support-ask-reply = ✍️ Escreva sua resposta para o suporte: texto, foto ou documento. /cancel para parar.
support-button-send = ✅ Enviar
support-button-cancel = ✖️ Cancelar
support-button-reply = 💬 Responder ao suporte
support-confirm = Enviar esta mensagem para o suporte?
support-cancelled = Cancelado. Nada foi enviado.
support-empty = A mensagem está vazia. Descreva sua dúvida em palavras (uma foto com legenda também serve).
support-too-long = A mensagem é longa demais ({ $length } de no máximo { $max ->
    [one] { $max } caractere
    [many] { $max } caracteres
   *[other] { $max } caracteres
}). Encurte-a ou envie como documento.
support-unsupported = Só consigo repassar textos, fotos e documentos. Descreva o problema em uma mensagem.
support-sent = ✅ Enviado ao suporte como chamado #{ $ticket }. A resposta vai chegar aqui, neste chat.
support-sent-more = ✅ Adicionado ao seu chamado #{ $ticket }.
support-failed = ⚠️ Não consegui falar com o suporte agora. Tente de novo mais tarde, ou escreva para { $contact }.
support-failed-no-contact = ⚠️ Não consegui falar com o suporte agora. Tente de novo mais tarde.
support-not-set-up = 💬 O suporte ainda não foi configurado neste bot, então não há para onde enviar a mensagem. Desculpe por isso.
support-rate-limited = ⏳ Você está escrevendo para o suporte com muita frequência. Espere alguns minutos.
support-expired = Esta solicitação expirou. Envie /support para começar de novo.
support-private-only = Para falar com o suporte, escreva para mim no chat privado: { $link }
support-closed-user = ✅ Seu chamado #{ $ticket } foi encerrado. Se precisar de mais alguma coisa, envie /support.
support-header-new = 📩 <b>Novo chamado #{ $ticket }</b>
support-header-more = 💬 <b>Chamado #{ $ticket }</b>
support-header-user = 👤 { $name } · <code>{ $id }</code> · { $username } · { $language }
support-header-balance = 💰 Saldo: { $balance }
support-header-banned = ⛔ Banido
support-header-blocked = 🚫 Bloqueou o bot
support-header-no-jobs = 🧾 Nenhuma geração ainda
support-header-last-job = 🧾 Última geração: <code>{ $job }</code> · { $family } · { $model } · { $status } · { $when }
support-header-last-error = ⚠️ Erro dela: <code>{ $code }</code> { $message }
support-header-hint-forum = ↩️ Tudo o que for escrito neste tópico vai para o usuário; comece a mensagem com // para que ela fique só aqui. /close encerra o chamado.
support-header-hint-group = ↩️ Responda a esta mensagem (ou à mensagem do usuário abaixo) para atender. /close em resposta encerra o chamado.
support-answer-blocked = ⚠️ Não entregue: o usuário bloqueou o bot.
support-answer-failed = ⚠️ Não entregue: { $reason }
support-not-ticket = Esta mensagem não faz parte de um chamado. Responda a uma mensagem do usuário ou ao cabeçalho dela, ou escreva no tópico do usuário.
support-ticket-closed = ✅ Chamado #{ $ticket } encerrado. O usuário foi avisado.
support-ticket-already-closed = O chamado #{ $ticket } já está encerrado.
support-close-where = Use /close dentro do tópico de um usuário, ou em resposta a uma mensagem de chamado.
support-not-staff = Só os operadores do bot (ADMIN_IDS) podem responder usuários ou encerrar chamados aqui. Sua mensagem fica neste chat e não foi enviada ao usuário.
support-not-staff-chat-admins = Só os operadores do bot e os administradores deste chat podem responder usuários ou encerrar chamados aqui. Sua mensagem fica neste chat e não foi enviada ao usuário.
support-anonymous-admin = Administradores anônimos não podem responder usuários aqui: o bot não sabe quem você é. Desative "Permanecer anônimo" nos seus direitos de administrador, ou peça ao operador para definir SUPPORT_STAFF=chat-admins. Sua mensagem não foi enviada ao usuário.
support-ask-payment = 💳 Conte ao suporte o que deu errado com seu pagamento, em uma única mensagem (uma captura de tela do recibo ajuda). Seus pagamentos recentes em Estrelas vão anexados para o operador. /cancel para parar.
support-header-stars = ⭐ Pagamento em Estrelas { $when }: { $stars } ⭐, cobrança <code>{ $charge }</code>
support-header-stars-refunded = ⭐ Pagamento em Estrelas { $when }: { $stars } ⭐, reembolsado, cobrança <code>{ $charge }</code>
