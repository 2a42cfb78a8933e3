# Video generation: /video, its settings keyboard, delivery fallbacks.
video-usage =
    🎬 Descreva o vídeo depois do comando, por exemplo:
    <code>/video um beija-flor parado no ar perto de uma flor, câmera lenta</code>

    Para animar uma foto, envie-a com <code>/video</code> e a descrição na legenda, ou responda a ela com <code>/video</code> e a descrição. Adicione <code>--duration 10</code>, <code>--ar 9:16</code> ou <code>--mode pro</code> para definir esses valores só nesse pedido.
video-no-model = 🎬 Nenhum modelo de vídeo está disponível agora. Tente de novo mais tarde.
video-image-too-large = 📷 Este arquivo tem { $size }: bots só conseguem baixar do Telegram arquivos de até { $sizeLimit }. Envie uma foto menor (como foto, não como arquivo: o Telegram a comprime). Nada foi cobrado.
video-image-not-image = 📄 Isto não é uma imagem que eu consiga animar. Envie uma foto ou um arquivo PNG, JPEG ou WebP, com /video e a descrição na legenda. Nada foi cobrado.
video-screen-title = 🎬 <b>Vídeo</b> · { $model }
video-screen-frames = { $count ->
    [one] 🖼 Começa pela sua foto
    [many] 🖼 Começa pela sua primeira foto e termina na segunda
   *[other] 🖼 Começa pela sua primeira foto e termina na segunda
}
video-screen-references = { $count ->
    [one] 🖼 Usa sua foto como referência
    [many] 🖼 Usa suas { $count } fotos como referência
   *[other] 🖼 Usa suas { $count } fotos como referência
}
video-screen-duration = ⏱ { $seconds } s
video-screen-mode = ⚙️ { $mode ->
    [pro] Pro
   *[std] Padrão
}
video-screen-price = 💰 Preço: { $price }
video-screen-own-key = 🔑 Pago com sua própria chave de API
video-button-model = 🎬 { $model } ▾
video-duration-label = { $seconds } s
video-mode-label = { $mode ->
    [pro] Pro
   *[std] Padrão
}
video-button-confirm = ✅ Gerar · { $price }
video-button-confirm-own = ✅ Gerar (sua chave)
video-button-cancel = ✖️
video-button-back = ⬅️ Voltar
video-price-second = { $price }/s
video-price-call = { $price }
video-choose-model = 🎬 Escolha o modelo de vídeo:
video-choose-model-image = { $count ->
    [one] 🎬 Escolha o modelo que vai animar sua foto:
    [many] 🎬 Escolha um modelo que aceite { $count } fotos:
   *[other] 🎬 Escolha um modelo que aceite { $count } fotos:
}
video-saved-model = ✅ Modelo: { $model }
video-draft-gone = Este pedido expirou. Envie /video de novo.
video-not-yours = Este é o pedido de outra pessoa. Envie /video para fazer o seu.
video-already-started = Este vídeo já está sendo feito. Veja /jobs.
video-model-gone = Este modelo não está mais disponível. Escolha outro.
video-cancelled = ✖️ Cancelado, nada foi cobrado.
video-started = 🎬 { $model } · { $seconds } s · { $price }: começou. Vou enviar o vídeo aqui quando estiver pronto; vídeos levam alguns minutos.
video-again-toast = 🔁 Mais uma vez…
video-again-model-gone = O modelo { $model } não está mais disponível, então não consigo repetir. Envie /video para escolher outro.
video-size-over = mais de { $sizeLimit }
video-link = O vídeo é grande demais para enviar aqui ({ $size }). Baixe pelo link: { $url }
    O link é do provedor e pode expirar em até um dia.
video-link-private = O vídeo está pronto, mas é grande demais para enviar aqui ({ $size }), e o provedor só o entrega para a chave que o gerou, então não consigo te mandar um link. Escreva em /support com o ID da tarefa { $task } para receber o arquivo.
video-effect-squish = 🫳 Amassar
video-effect-expansion = 🎈 Inflar
video-effect-fuzzyfuzzy = 🧸 Pelúcia
video-effect-bloombloom = 🌸 Florescer
video-effect-dizzydizzy = 💫 Tontura
video-extend-unavailable = Não há nada disponível para este vídeo agora, ou ele ainda não está pronto.
video-extend-toast = ⏩ Uma continuação: confira e confirme
video-screen-extend = ⏩ Continua o seu vídeo anterior
video-lipsync-toast = 🗣 Lip sync: responda à nova mensagem com as falas
video-screen-ask-words = 🗣 <b>Responda a esta mensagem</b> com o que a pessoa deve falar.
video-screen-ask-prompt = ✍️ <b>Responda a esta mensagem</b> com uma descrição do vídeo.
video-prompt-set = ✅ Certo: o texto está no teclado acima. Confira e toque em Gerar.
video-voice-oversea_male1 = 👨 Homem
video-voice-commercial_lady_en_f-v1 = 👩 Mulher
video-voice-reader_en_m-v1 = 📖 Narrador
video-voice-uk_boy1 = 👦 Menino (Reino Unido)
video-voice-uk_man2 = 🎩 Homem (Reino Unido)
video-audio-voice-note = 🎙 Mensagens de voz (OGG) não são um formato aceito pelo lip sync do Kling. Envie o som como arquivo MP3, M4A, WAV ou AAC, em resposta ao teclado, ou responda com o que deve ser falado.
video-audio-format = 🎵 O lip sync não aceita o formato deste arquivo de áudio: envie MP3, M4A, WAV ou AAC.
video-audio-not-taken = 🎵 { $model } só aceita texto escrito: responda com o texto.
video-audio-too-large = 🎵 Este arquivo de áudio é grande demais: o lip sync aceita até { $sizeLimit }. Envie um mais curto.
video-audio-set = ✅ Certo: o vídeo vai usar o seu áudio como fala. Confira o teclado acima e toque em Gerar.
video-screen-ask-words-or-audio = 🗣 <b>Responda a esta mensagem</b> com o que a pessoa deve falar, ou com um arquivo de áudio (MP3, M4A, WAV, AAC) para ela falar.
video-input-too-large = 🎞 Este vídeo é grande demais: bots só conseguem baixar do Telegram arquivos de até { $sizeLimit }. Envie um mais curto ou menor. Nada foi cobrado.
video-screen-video = 🎞 Usa o seu vídeo como base
