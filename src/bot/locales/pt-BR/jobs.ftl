# Job status, delivery and failures (shared by every generation family).
job-queued = ⏳ Na fila… ({ $model })
job-queued-charged = 💳 Valor reservado: { $price }; saldo restante: { $balance }. Se falhar, o valor volta para o seu saldo.
job-status-charged = 💳 Valor reservado: { $price }. Se falhar, o valor volta para o seu saldo.
job-queued-own-key = 🔑 Roda na sua própria chave de API: nada é cobrado aqui.
job-confirm-question = 💳 { $model } custa { $price }; seu saldo vai ficar em { $balance }. Começar?
job-confirm-start = ✅ Começar · { $price }
job-confirm-cancel = ✖️ Cancelar
job-confirm-starting = Começando…
job-confirm-dropped = ✖️ Não iniciado. Nada foi cobrado.
job-confirm-expired = Esta pergunta expirou. Envie o pedido de novo.
job-generating = 🎨 Gerando com { $model }… { $elapsed }
job-running = ⏳ { $model }: { $progress } · { $elapsed }
job-held = ⚠️ O Midjourney segurou este prompt para análise ({ $reason }) · { $elapsed }. Ele ainda pode rodar; se não rodar, será recusado e o valor volta para o seu saldo.
job-done-caption = { $model } · { $cost }
job-album-buttons = ⬆️ { $count ->
        [one] { $count } imagem
        [many] { $count } imagens
       *[other] { $count } imagens
    } acima. O que fazer agora?
job-result-note = 💬 O modelo diz: { $note }
job-cost-own-key = sua chave
job-refunded = O valor reservado ({ $amount }) voltou para o seu saldo.
job-button-again = 🔁 De novo
job-button-edit = ✏️ Editar
job-button-original = 📎 Arquivo original
job-button-support = 💬 Suporte
job-button-cancel = ✖️ Cancelar
job-cancelled = ✖️ Cancelado. { $refund }
job-cancel-too-late = Já começou e não dá mais para cancelar.
job-not-yours = Este botão é da geração de outra pessoa.
job-gone = Essa geração não existe mais.
job-original-gone = O arquivo original não está mais guardado. Gere de novo com 🔁.
job-link-only = O arquivo é grande demais para enviar aqui ({ $size }). Baixe pelo link: { $url }
jobs-empty = Você ainda não tem gerações. Envie a descrição de uma imagem para começar.
jobs-title = <b>Suas gerações recentes</b>
jobs-line = { $icon } <code>{ $id }</code> · { $model } · { $status } · { $when }
job-status-queued = na fila
job-status-submitting = iniciando
job-status-running = em andamento
job-status-delivering = enviando
job-status-done = concluída
job-status-failed = falhou
job-status-cancelled = cancelada
job-insufficient = 💰 Saldo insuficiente: isto custa { $price }, e você tem { $balance }.
job-insufficient-own-key = 🔑 Ou vincule sua própria chave de API com /key.
job-failed = ❌ A geração falhou: { $reason }
    { $refund }
    🆔 ID da geração: <code>{ $job }</code>
job-failed-bad_key = a chave de API do próprio bot foi recusada, então nenhuma geração roda até o operador corrigir isso. Nada foi perdido: tente de novo mais tarde, ou escreva em /support.
job-failed-key_exhausted = o bot esgotou a cota de geração por enquanto. Tente de novo mais tarde, ou escreva em /support.
job-failed-model_not_allowed = este modelo não está disponível agora. Escolha outro em /settings.
job-failed-insufficient_balance = a conta do bot no provedor está sem saldo agora. Tente de novo mais tarde, ou escreva em /support.
job-failed-own-bad_key = sua chave de API foi recusada (incorreta ou expirada). Envie uma nova com /key, ou remova-a com /key remove para pagar com seu saldo.
job-failed-own-key_exhausted = sua chave de API está sem cota. Recarregue no site onde você criou a chave, ou remova-a com /key remove para pagar com seu saldo.
job-failed-own-model_not_allowed = sua chave de API não tem permissão para este modelo. Escolha outro em /settings, ou libere o modelo para a chave no site onde você a criou.
job-failed-own-insufficient_balance = a conta da sua chave de API está sem saldo. Recarregue no site onde você criou a chave, ou remova-a com /key remove para pagar com seu saldo.
job-failed-banned_prompt = o prompt contém uma palavra proibida{ $word ->
    [none] {""}
   *[other] {" "}(“{ $word }”)
}. Reformule e tente de novo.
job-failed-content_policy = o pedido foi recusado pela política de conteúdo do modelo. Reformule o prompt e tente de novo.
job-failed-rate_limited = os modelos estão sobrecarregados agora. Tente de novo daqui a um minuto.
job-failed-queue_full = a fila está cheia agora. Tente de novo daqui a alguns minutos.
job-failed-no_channel = este modelo está temporariamente indisponível. Escolha outro em /settings ou tente de novo mais tarde.
job-failed-not_implemented = este modelo não oferece essa operação. Escolha outro modelo em /settings.
job-failed-not_found = o resultado anterior de que isto depende expirou no provedor. Comece uma nova geração.
job-failed-timeout = o modelo demorou demais para responder. Tente de novo.
job-failed-upstream = o provedor do modelo teve um erro. Tente de novo daqui a pouco.
job-failed-network = não consegui me conectar ao serviço de geração. Tente de novo daqui a um minuto.
job-failed-malformed = o modelo devolveu algo que não consegui ler. Tente de novo; se acontecer outra vez, escolha outro modelo em /settings.
job-failed-invalid_request = o modelo recusou o pedido. Mude o prompt ou as configurações e tente de novo.
job-failed-too_large = o resultado é maior do que eu consigo enviar aqui. Escreva em /support e informe o ID da geração abaixo.
job-failed-interrupted = o bot foi reiniciado enquanto trabalhava nela. Envie o pedido de novo.
job-failed-deadline = não terminou a tempo. Tente de novo; na fila relax pode demorar mais, então uma velocidade mais rápida pode ajudar.
job-failed-lost_task = o provedor perdeu o rastro da tarefa. Envie o pedido de novo.
job-failed-task_failed = o modelo não conseguiu terminar. Tente de novo, ou escolha outro modelo em /settings.
job-failed-provider-words = Resposta do modelo: “{ $detail }”.
job-failed-mj_moderation = o Midjourney segurou ou recusou este prompt pelas diretrizes da comunidade (“{ $detail }”). Ele não vai continuar. Reformule o prompt e tente de novo; se achar que é um engano, fale com o suporte.
job-failed-mj_invalid_parameter = o Midjourney não aceitou um parâmetro do prompt: { $detail }. Corrija (--ar, --v, --stylize …) e tente de novo.
job-failed-mj_account = a conta do Midjourney do serviço não pode receber tarefas agora (plano ou horas fast). Tente de novo mais tarde ou fale com o suporte.
job-failed-mj_image_fetch = o Midjourney não conseguiu ler uma das imagens. Envie a foto de novo, ou outra.
job-failed-delivery_failed = não consegui te enviar o resultado. Escreva em /support e informe o ID da geração abaixo.
job-failed-input_unavailable = não consegui baixar sua foto do Telegram. Envie a foto de novo.
job-failed-input_too_large = sua foto é maior do que o Telegram deixa os bots baixarem (20 MB). Envie uma menor.
job-failed-input_not_image = o arquivo que você enviou não é uma imagem que eu consiga usar. Envie uma foto em JPG, PNG ou WebP.
job-failed-input_not_audio = o áudio que você enviou não está num formato que eu consiga usar (MP3, M4A, WAV ou AAC).
job-failed-input_not_video = o arquivo que você enviou não é um vídeo que eu consiga usar (MP4, MOV ou WebM).
job-failed-unknown = algo deu errado{ $detail ->
    [none] {""}
   *[other] : { $detail }
}.
job-failed-reason = Motivo: { $detail }
# Requests the catalog refuses (any family): nothing is charged. $allowed lists the choices.
job-problem-prompt_empty = ✍️ A descrição está vazia. Escreva o que você quer, por exemplo: uma raposa vermelha na neve, aquarela.
job-problem-prompt_too_long = ✍️ A descrição é longa demais: { $length ->
    [one] { $length } caractere
    [many] { $length } caracteres
   *[other] { $length } caracteres
}, e { $model } aceita no máximo { $limit }. Encurte e envie de novo. Nada foi cobrado.
job-problem-size_unsupported = 📐 { $model } não oferece este tamanho. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-aspect_unsupported = 📐 { $model } não oferece esta proporção. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-n_out_of_range = 🔢 { $model } gera no máximo { $limit ->
    [one] { $limit } imagem
    [many] { $limit } imagens
   *[other] { $limit } imagens
} por pedido. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-duration_unsupported = ⏱ { $model } não oferece esta duração. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-mode_unsupported = ⚙️ { $model } não oferece este modo. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-image_required = 📷 { $model } precisa de uma imagem: envie uma foto com a descrição na legenda. Nada foi cobrado.
job-problem-image_not_supported = 📷 { $model } não aceita imagens. Envie só a descrição, ou escolha outro modelo em /settings. Nada foi cobrado.
job-problem-too_many_images = 📷 { $model } aceita no máximo { $limit ->
    [one] { $limit } imagem
    [many] { $limit } imagens
   *[other] { $limit } imagens
} por pedido. Envie menos. Nada foi cobrado.
job-problem-too_few_images = 📷 { $model } precisa de pelo menos { $limit ->
    [one] { $limit } imagem
    [many] { $limit } imagens
   *[other] { $limit } imagens
}. Envie mais em um único álbum. Nada foi cobrado.
job-problem-option_unsupported = ⚙️ { $model } não oferece este valor para { $option }. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-option_not_taken = ⚙️ { $model } não aceita { $option }. Envie o pedido sem essa opção, ou escolha outro modelo em /settings. Nada foi cobrado.
job-problem-seed_invalid = 🎲 O seed precisa ser um número inteiro de 0 a { $limit }, por exemplo --seed 42. Nada foi cobrado.
job-problem-transparent_format = 🫥 Para fundo transparente, use PNG ou WebP: adicione --format png. Nada foi cobrado.
job-problem-effect_unsupported = ✨ { $model } não oferece este efeito. Escolha entre: { $allowed }. Nada foi cobrado.
job-too-many-active = ⏳ Você já tem { $limit ->
    [one] { $limit } geração em andamento
    [many] { $limit } gerações em andamento
   *[other] { $limit } gerações em andamento
}. Espere uma terminar (veja /jobs) e tente de novo.
job-original-limit = { $seconds ->
    [one] Originais demais de uma vez: tente de novo em { $seconds } segundo.
    [many] Originais demais de uma vez: tente de novo em { $seconds } segundos.
   *[other] Originais demais de uma vez: tente de novo em { $seconds } segundos.
}
job-button-extend = ⏩ Estender
job-problem-source_required = ⏩ { $model } usa como base um dos seus vídeos anteriores: use o botão embaixo do vídeo. Nada foi cobrado.
job-problem-source_not_supported = ⏩ { $model } não funciona com este vídeo. Escolha um dos modelos oferecidos para ele. Nada foi cobrado.
job-button-lipsync = 🗣 Sincronia labial
job-problem-voice_unsupported = 🗣 { $model } não oferece esta voz. Escolha entre: { $allowed }. Nada foi cobrado.
job-problem-audio_not_supported = 🎵 { $model } só aceita texto escrito: envie o texto em vez de um arquivo de áudio. Nada foi cobrado.
job-problem-video_required = 🎞 { $model } precisa de um vídeo: envie um com /video e a descrição na legenda. Nada foi cobrado.
job-problem-video_not_supported = 🎞 { $model } não aceita vídeo. Escolha outro modelo no teclado. Nada foi cobrado.
