# Money and account: balance, redeem codes, own API key, models, language, admin money tools.
# HTML parse mode: variables that carry user text are escaped by the code.

## /balance
balance-title = 💰 <b>Saldo: { $balance }</b>
balance-key-linked = 🔑 Sua própria chave de API { $masked } está vinculada: as gerações são pagas com ela, não com este saldo.
balance-key-quota = Cota da chave: restam <b>{ $remaining }</b> de { $total } (usado: { $used }).
balance-key-quota-unlimited = Cota da chave: <b>ilimitada</b> (usado: { $used }).
balance-key-quota-unavailable = Não foi possível consultar a cota da sua chave agora. Tente /balance de novo daqui a um minuto.
balance-key-exhausted = ⚠️ Sua chave de API está sem cota. Recarregue no site onde você criou a chave, ou remova-a com /key remove para pagar com este saldo.
balance-key-invalid = ⚠️ Sua chave de API { $masked } foi recusada (incorreta, desativada ou expirada). Envie uma nova com /key, ou remova-a com /key remove para pagar com este saldo.
balance-history-title = <b>Transações recentes</b> (UTC)
balance-history-empty = Nenhuma transação ainda.
balance-line = { $amount } · { $what } · { $when }
balance-kind-topup = recarga
balance-kind-code = código de resgate { $hint }
balance-kind-charge = geração, { $model }
balance-kind-refund = reembolso, { $model }
balance-kind-adjustment = ajuste feito pelo operador
balance-how-to-buy-link = 🎟 <b>Recarregar:</b> compre um código em { $link } e envie aqui (ou /redeem <i>código</i>).
balance-how-to-buy-contact = 🎟 <b>Recarregar:</b> compre um código com { $contact } e envie aqui (ou /redeem <i>código</i>).
balance-how-to-redeem = 🎟 <b>Recarregar:</b> envie aqui um código de resgate (ou /redeem <i>código</i>).

## Redeem codes
redeem-usage = 🎟 Envie seu código: <code>/redeem XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code> — ou só cole aqui.
redeem-ok = ✅ Código resgatado: <b>+{ $amount }</b>. Saldo: <b>{ $balance }</b>.
redeem-ok-own-key = Sua própria chave de API está vinculada, então as gerações são pagas com ela; este saldo volta a ser usado depois de /key remove.
redeem-malformed = ❌ Isso não é um código de resgate. Os códigos têm este formato: <code>XXXX-XXXX-XXXX-XXXX-XXXX-XXXX</code>.
redeem-typo = ❌ Este código tem um erro de digitação: um caractere está errado ou dois estão trocados. Confira e tente de novo.
redeem-not-found = ❌ Esse código não existe. Confira e tente de novo.
redeem-expired = ⌛ Este código expirou.
redeem-used-up = ❌ Este código já foi usado.
redeem-already = ℹ️ Você já resgatou este código.
redeem-disabled = ❌ Este código foi cancelado pelo vendedor.
redeem-attempts-left = Tentativas restantes: { $attempts }.
redeem-locked = 🔒 Códigos errados demais: o resgate está bloqueado por { $minutes } min.
redeem-rate-limited = 🔒 Códigos errados demais. Tente de novo em { $minutes } min.

## Own API key
key-ask = 🔑 Envie sua chave de API (ela começa com <code>sk-</code>). Vou apagar sua mensagem assim que ler a chave.

    /cancel para parar.
key-ask-replace = 🔑 Sua chave { $masked } está vinculada ({ $status }). Envie uma nova chave para substituí-la, /key remove para desvinculá-la, ou /cancel.
key-status-ok = funcionando
key-status-invalid = recusada (incorreta ou expirada)
key-cancelled = Cancelado. Nada foi alterado.
key-linked = ✅ Sua chave { $masked } está vinculada. Agora as gerações rodam nela e são pagas com ela, não com seu saldo. /key remove desvincula a chave.
key-not-a-key = ❌ Isso não é uma chave de API: as chaves começam com <code>sk-</code> seguido de pelo menos 16 letras e números. Nada foi alterado. Envie /key para tentar de novo.
key-invalid = ❌ Esta chave foi recusada (incorreta, desativada ou expirada). Nada foi alterado. Confira e envie /key de novo.
key-exhausted = ❌ Esta chave está sem cota. Nada foi alterado. Recarregue no site onde você a criou e envie /key de novo.
key-unavailable = ⚠️ Não consegui verificar a chave agora: o serviço não respondeu. Nada foi alterado; tente /key de novo daqui a alguns minutos.
key-rate-limited = 🔒 Verificações de chave demais. Tente de novo em { $minutes } min.
key-delete-failed = ⚠️ Não consegui apagar sua mensagem com a chave: apague-a por conta própria.
key-removed = 🗑 Sua chave { $masked } foi removida. As gerações voltam a ser pagas com seu saldo.
key-none = Você não tem nenhuma chave vinculada. Envie /key para vincular uma.
key-group = ⚠️ Nunca poste sua chave em um grupo. Tentei apagar a mensagem; se ela ainda estiver lá, revogue a chave no site onde você a criou. Envie /key para mim no chat privado.

## /models
models-title = 📋 <b>Modelos e preços</b>
models-family-image = 🎨 Imagens
models-family-chat-image = 💬 Imagens de modelos de chat
models-family-edit = ✏️ Edição de fotos
models-family-midjourney = 🖼 Midjourney
models-family-video = 🎬 Vídeo
models-line = • { $title } — { $price }
models-price-image = { $price } por imagem
models-price-call = { $price } por pedido
models-price-mj = { $price } por /imagine, upscale { $upscale }, variação { $variation }
models-price-second = { $price } por segundo ({ $durations } s)
models-price-video = { $price } por vídeo ({ $durations } s)
models-price-pro = pro ×{ $factor }
models-price-free = grátis
models-empty = Nenhum modelo está disponível agora.
models-footer = Escolha um modelo em /settings. O preço é descontado do seu /balance quando a geração começa e devolvido se ela falhar.
models-own-key = 🔑 Sua própria chave de API está vinculada: suas gerações são pagas com ela, então estes preços não valem para você.

## /language

## Amounts typed by admins
money-amount-not-a-number = ❌ “{ $value }” não é um valor. Escreva assim: 5 ou 2.50.
money-amount-zero = ❌ O valor não pode ser zero.
money-amount-negative = ❌ O valor precisa ser positivo.
money-amount-decimals = ❌ “{ $value }” tem casas decimais demais para { $currency }.
money-amount-ambiguous = ❌ “{ $value }” é ambíguo (milhar ou decimais?). Escreva 1000 ou 1.50.
money-amount-too-large = ❌ “{ $value }” é alto demais: no máximo { $maxAmount } de cada vez.

## Admin command menu (commands.ts ADMIN_COMMANDS)
admin-cmd-codes = Gerar códigos de resgate
admin-cmd-credit = Creditar ou debitar um saldo
admin-cmd-user = Saldo, chave e gerações de um usuário

## /codes (admins)
codes-usage =
    Uso: <code>/codes &lt;quantidade&gt; &lt;valor&gt; [usos] [validade]</code>
    • <code>/codes 10 5</code> — dez códigos de uso único de 5 { $currency }
    • <code>/codes 1 2.50 100 30d</code> — um código que 100 pessoas podem resgatar, válido por 30 dias
    Validade: <code>12h</code>, <code>30d</code>, <code>2w</code>, uma data como <code>2026-12-31</code> (válido até o fim desse dia, UTC) ou <code>never</code>.
codes-bad-count = ❌ A quantidade precisa ser um número inteiro de 1 a { $max }.
codes-bad-uses = ❌ Os usos precisam ser um número inteiro de 1 a { $max }.
codes-bad-expiry = ❌ “{ $value }” não é uma validade: use 12h, 30d, 2w, uma data futura como 2026-12-31, ou never.
codes-done = ✅ { $count ->
    [one] { $count } código
    [many] { $count } códigos
   *[other] { $count } códigos
} × <b>{ $amount }</b>, { $uses ->
    [one] um uso
    [many] { $uses } usos
   *[other] { $uses } usos
} cada, { $expiry }. Lote <code>{ $batch }</code>.
codes-expiry-never = sem validade
codes-expiry-at = válido até { $date } UTC
codes-inline-title = Toque em um código para copiá-lo:
codes-file-header =
    Códigos de resgate, lote { $batch }
    Valor: { $amount } por resgate
    Usos por código: { $uses }
    Validade: { $expiry }
    Códigos: { $count }, criados em { $created } UTC pelo admin { $admin }
codes-file-links = Deep links (abrir um deles no Telegram resgata o código):

## /credit (admins)
credit-usage =
    Uso: <code>/credit &lt;ID do usuário ou @username&gt; &lt;valor&gt; [nota]</code>
    Um valor negativo tira dinheiro (nunca abaixo de zero). Exemplo: <code>/credit @ann 5 compensação</code>
credit-unknown-user = ❌ Não conheço o usuário { $query }: ele precisa ter escrito ao bot antes.
credit-below-zero = ❌ Isso deixaria o saldo de { $name } abaixo de zero (agora é { $balance }). Nada foi alterado.
credit-done = ✅ { $amount } para { $name } (<code>{ $id }</code>). Novo saldo: <b>{ $balance }</b>.

## /user (admins)
user-usage = Uso: <code>/user &lt;ID do usuário ou @username&gt;</code>
user-unknown = ❌ Não conheço o usuário { $query }.
user-card =
    👤 <b>{ $name }</b> · { $username } · id <code>{ $id }</code>
    Idioma: { $language } · entrou em { $created } · visto por último em { $seen } (UTC)
    Status: { $flags }
    💰 Saldo: <b>{ $balance }</b>
    🔑 Chave própria: { $key }
user-flag-banned = ⛔ banido
user-flag-blocked = 🚫 bloqueou o bot
user-flags-none = ✅ ativo
user-key-none = nenhuma
user-key-ok = { $masked } (funcionando)
user-key-invalid = { $masked } (recusada)
user-jobs-title = <b>Últimas gerações</b>
user-jobs-empty = Nenhuma geração.
user-job-line = <code>{ $id }</code> · { $model } · { $status } · { $price } · { $when }
user-job-own-key = chave própria
user-ledger-title = <b>Extrato</b>
user-ledger-empty = Nenhum lançamento.
user-ledger-line = { $amount } → { $after } · { $what } · { $when }{ $extra }
user-ledger-actor = por <code>{ $actor }</code>

## Telegram Stars
balance-kind-stars = Estrelas do Telegram, { $stars } ⭐
balance-kind-stars-refund = pagamento em Estrelas reembolsado
balance-kind-welcome = crédito de boas-vindas
balance-kind-referral = bônus de indicação
balance-how-to-stars = ⭐ <b>Recarregar com Estrelas do Telegram:</b> /topup
stars-button = ⭐ Recarregar com Estrelas
stars-packs = ⭐ <b>Recarregar com Estrelas do Telegram</b>
    Escolha um pacote. O Telegram processa o pagamento, e o saldo é creditado assim que o pagamento for confirmado.
    Dúvidas sobre um pagamento: /paysupport · Termos: /terms
stars-pack-button = { $stars } ⭐ → { $credit }
stars-off = Recargas com Estrelas do Telegram não estão disponíveis aqui. Envie um código de resgate (/redeem).
stars-pack-gone = Este pacote não está mais à venda. Abra /topup de novo.
stars-invoice-title = Saldo +{ $credit }
stars-invoice-description = { $stars ->
    [one] { $stars } Estrela do Telegram
    [many] { $stars } Estrelas do Telegram
   *[other] { $stars } Estrelas do Telegram
} por { $credit } de saldo para gerações no { $bot }.
stars-invoice-label = Saldo +{ $credit }
stars-checkout-malformed = Esta fatura não é de nenhum pacote deste bot. Abra /topup para pegar uma nova.
stars-checkout-not-yours = Esta fatura foi criada para outra conta. Abra /topup no bot para pegar a sua.
stars-checkout-changed = Este pacote mudou depois que a fatura foi criada. Abra /topup para ver o atual.
stars-checkout-gone = Este pacote não está mais à venda. Abra /topup para ver os pacotes atuais.
stars-paid = ✅ Pagamento recebido: { $stars } ⭐ → <b>+{ $credit }</b>. Saldo: <b>{ $balance }</b>.
stars-paid-unreadable = ⚠️ O Telegram confirmou um pagamento que não consigo associar a nenhum pacote. Nada foi perdido: escreva em /paysupport e o operador vai resolver.
stars-refunded = ↩️ Seu pagamento de { $stars } ⭐ foi reembolsado. Valor descontado do saldo: { $taken }; saldo atual: <b>{ $balance }</b>.

## Referrals and the welcome credit
invite-text = 🤝 <b>Convide amigos</b>
    Quando alguém abrir o bot pelo seu link e recarregar pela primeira vez, vocês dois ganham <b>{ $bonus }</b>.
    Seu link: { $link }
    { $invited ->
        [0] Ninguém entrou por ele ainda.
        [one] { $invited } pessoa entrou por ele; { $rewarded ->
            [0] ela ainda não recarregou.
           *[other] ela já recarregou.
        }
        [many] { $invited } pessoas entraram por ele; { $rewarded ->
            [0] nenhuma recarregou ainda.
            [one] { $rewarded } recarregou.
            [many] { $rewarded } recarregaram.
           *[other] { $rewarded } recarregaram.
        }
       *[other] { $invited } pessoas entraram por ele; { $rewarded ->
            [0] nenhuma recarregou ainda.
            [one] { $rewarded } recarregou.
            [many] { $rewarded } recarregaram.
           *[other] { $rewarded } recarregaram.
        }
    }
invite-off = Convites não estão disponíveis aqui.
invite-refused-self = ℹ️ Esse é o seu próprio link de convite: compartilhe com seus amigos.
invite-refused-unknown_code = ℹ️ Este link de convite não é válido (pode ter sido digitado errado).
invite-refused-not_new = ℹ️ Os links de convite são para quem ainda não usou o bot, e você já usou antes.
referral-bonus-referred = 🎁 Obrigado pela recarga: você ganhou um bônus de indicação de <b>{ $amount }</b>.
referral-bonus-referrer = 🎉 Um amigo que você convidou acabou de recarregar: você ganhou um bônus de indicação de <b>{ $amount }</b>.

## Admin: Stars payments
admin-cmd-stars = Pagamentos e reembolsos em Estrelas de um usuário
admin-cmd-reconcile = Conferir pagamentos em Estrelas com o Telegram
user-stars-button = ⭐ Pagamentos em Estrelas
stars-admin-usage = Uso: <code>/stars &lt;id ou @username&gt;</code>
stars-admin-none = { $name } não fez nenhum pagamento em Estrelas.
stars-admin-title = ⭐ <b>Pagamentos em Estrelas de { $name }</b> (mais recentes primeiro, UTC)
stars-admin-line = { $when } · { $stars } ⭐ → { $credit } · <code>{ $charge }</code>
stars-admin-line-refunded = { $when } · { $stars } ⭐ → { $credit } · reembolsado, estorno de { $reversed } · <code>{ $charge }</code>
stars-admin-refund-button = ↩️ Reembolsar { $stars } ⭐ ({ $when })
stars-admin-refund-anyway = ↩️ Reembolsar mesmo assim
stars-admin-spent = ⚠️ O usuário já gastou parte deste crédito ({ $credit } por { $stars } ⭐). Um reembolso devolve todas as Estrelas, mas só consegue estornar o que sobrou ({ $left }) e o saldo fica zerado. Reembolsar mesmo assim?
stars-admin-refunded = ✅ Reembolso de { $stars } ⭐ feito. Estorno de { $taken } do saldo; saldo atual: { $balance }.
stars-admin-refund-failed = ❌ O Telegram recusou o reembolso: { $reason }. Nenhum valor foi movimentado.
stars-admin-already = ℹ️ Este pagamento já foi reembolsado.
stars-admin-unknown = Este pagamento não está no banco de dados.
