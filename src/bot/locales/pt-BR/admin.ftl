# Admin tools: ban, reload, stats, broadcast (only admins ever see these).
admin-cmd-stats = Estatísticas
admin-cmd-broadcast = Enviar mensagem a todos os usuários
admin-cmd-ban = Banir um usuário
admin-cmd-unban = Desbanir um usuário
admin-cmd-reload = Recarregar o catálogo de modelos
admin-usage-ban = Uso: /ban <ID do usuário ou @username>, ou /ban em resposta a uma mensagem de chamado no chat de suporte.
admin-usage-unban = Uso: /unban <ID do usuário ou @username>
admin-user-not-found = Nenhum usuário “{ $query }” encontrado. A pessoa precisa ter escrito ao bot pelo menos uma vez.
admin-banned = ⛔ { $user } foi banido: de agora em diante só recebe o aviso de banimento.
admin-already-banned = { $user } já estava banido.
admin-unbanned = ✅ { $user } foi desbanido.
admin-not-banned = { $user } não estava banido.
admin-cannot-ban-admin = Administradores não podem ser banidos.
admin-reload-ok = ✅ Catálogo recarregado: { $models ->
    [0] { $models } modelos
    [one] { $models } modelo
    [many] { $models } modelos
   *[other] { $models } modelos
} (ativos: { $enabled }, antes: { $previous }).
admin-reload-failed = ❌ O catálogo não foi recarregado; o atual continua valendo (modelos: { $models }).
stats-title = 📊 <b>Estatísticas</b> · { $when }
stats-users = 👥 Usuários: { $total } · ativos hoje { $today } · 7 dias { $week } · novos hoje { $fresh }
stats-users-flags = bloquearam o bot { $blocked } · banidos { $banned } · com saldo { $funded }
stats-jobs-title = 🎨 <b>Gerações</b>: total { $total }, hoje { $today }
stats-jobs-family = • { $family }: { $total } (hoje { $today }) · concluídas { $done } · falharam { $failed } · em andamento { $active }
stats-jobs-none = • nenhuma ainda
stats-money-today = 💰 Hoje: recargas { $topups } · gasto { $spent } · reembolsos { $refunds }
stats-money-total = 💰 No total: recargas { $topups } · gasto { $spent } · reembolsos { $refunds }
stats-models-title = 🏆 <b>Modelos mais usados</b> (7 dias)
stats-model = • { $model }: { $total } ({ $failed }% falharam)
stats-failures-title = ⚠️ <b>Falhas</b> (24 h): { $failed } de { $finished } ({ $percent }%)
stats-failure-family = • { $family }: { $failed } de { $finished } ({ $percent }%)
stats-failure-codes = Motivos: { $codes }
stats-gateway = 🌐 API gateway (últimos { $minutes } min): chamadas { $requests }, erros { $errors } ({ $percent }%)
stats-gateway-kinds = Erros: { $kinds }
stats-tickets = 💬 Chamados de suporte: abertos { $open }, total { $total }
broadcast-ask = 📣 Envie a mensagem para a transmissão (texto, foto, vídeo, documento…). Ela será copiada do jeito que está para { $count ->
    [0] { $count } usuários
    [one] { $count } usuário
    [many] { $count } usuários
   *[other] { $count } usuários
}. /cancel para parar.
broadcast-nobody = Não há para quem enviar: nenhum usuário (fora os administradores) pode receber mensagens ainda.
broadcast-confirm = Enviar esta mensagem para { $count ->
    [0] { $count } usuários
    [one] { $count } usuário
    [many] { $count } usuários
   *[other] { $count } usuários
}?
broadcast-button-send = 📣 Enviar
broadcast-button-cancel = ✖️ Cancelar
broadcast-button-stop = ⏹ Parar
broadcast-cancelled = Cancelado. Nada foi enviado.
broadcast-unsupported = Isso não pode ser transmitido. Envie um texto, foto, vídeo, documento ou outra mensagem comum.
broadcast-progress = 📣 Transmissão #{ $id }: { $done } de { $total } ({ $percent }%)
    ✅ enviadas { $sent } · 🚫 bloquearam { $blocked } · ⚠️ falharam { $failed }
broadcast-eta = ⏱ faltam cerca de { $eta }
broadcast-done = 📣 Transmissão #{ $id } concluída em { $elapsed }.
    ✅ Enviadas: { $sent } · 🚫 bloquearam o bot: { $blocked } · ⚠️ falharam: { $failed } · ignoradas: { $skipped }
broadcast-stopped = ⏹ Transmissão #{ $id } interrompida após { $done } de { $total }.
    ✅ Enviadas: { $sent } · 🚫 bloquearam o bot: { $blocked } · ⚠️ falharam: { $failed }
broadcast-source-gone = ❌ Transmissão #{ $id } interrompida: a mensagem dela foi apagada. Enviadas: { $sent } de { $total }.
broadcast-stopping = Parando…
broadcast-not-running = Esta transmissão não está mais em andamento.

alert-key_rejected =
    🚨 <b>O API gateway está recusando a chave do bot</b> (GATEWAY_API_KEY). Todas as gerações pagas com saldo falham e são reembolsadas até isso voltar a funcionar.
    Verifique ou troque a chave em { $gateway } e depois reinicie o bot.
alert-key_rejected-cleared = ✅ O API gateway voltou a aceitar a chave do bot.
alert-balance_low =
    🚨 <b>O saldo do bot no API gateway está baixo</b>: restam { $remaining } USD. Quando acabar, as gerações vão falhar (e ser reembolsadas).
    Recarregue em { $gateway }.
alert-balance_low-cleared = ✅ O saldo do bot no API gateway voltou a ficar acima do nível de alerta.
alert-gateway_down =
    🚨 <b>O API gateway não responde há { $minutes ->
        [one] { $minutes } minuto
        [many] { $minutes } minutos
       *[other] { $minutes } minutos
    }</b> ({ $gateway }). As gerações falham ou ficam esperando.
alert-gateway_down-cleared = ✅ O API gateway voltou a responder.

## Stars in /stats, reconciliation
stats-stars-total = ⭐ Estrelas no total: recebidas { $stars }, reembolsadas { $refunded } ({ $payments ->
    [0] { $payments } pagamentos
    [one] { $payments } pagamento
    [many] { $payments } pagamentos
   *[other] { $payments } pagamentos
})
stats-stars-day = · { $day }: recebidas { $stars } ⭐, reembolsadas { $refunded } ⭐ ({ $payments ->
    [0] { $payments } pagamentos
    [one] { $payments } pagamento
    [many] { $payments } pagamentos
   *[other] { $payments } pagamentos
})
stats-referral = 🤝 Bônus de indicação pagos: hoje { $today } · no total { $total }
reconcile-clean = ✅ Conciliação de Estrelas: { $checked ->
    [0] { $checked } transações do Telegram conferem
    [one] { $checked } transação do Telegram confere
    [many] { $checked } transações do Telegram conferem
   *[other] { $checked } transações do Telegram conferem
} com o extrato.
reconcile-title = ⚠️ <b>Conciliação de Estrelas</b> ({ $checked ->
    [0] { $checked } transações do Telegram lidas
    [one] { $checked } transação do Telegram lida
    [many] { $checked } transações do Telegram lidas
   *[other] { $checked } transações do Telegram lidas
}):
reconcile-credited = · creditado agora: { $stars } ⭐ do usuário { $user }, sem lançamento no extrato (cobrança <code>{ $chargeId }</code>)
reconcile-reversed = · reembolsado pelo Telegram, crédito estornado agora: { $stars } ⭐ do usuário { $user } (cobrança <code>{ $chargeId }</code>)
reconcile-unmatched = · no extrato, mas não no Telegram: { $stars } ⭐ do usuário { $user } (cobrança <code>{ $chargeId }</code>): verifique manualmente
reconcile-foreign = · um pagamento do Telegram que este bot não consegue creditar: { $stars } ⭐ (cobrança <code>{ $chargeId }</code>): verifique manualmente
reconcile-failed = ❌ Não foi possível ler as transações de Estrelas do Telegram. Tente de novo mais tarde.
