# Midjourney: /mj, result buttons, the modal prompt, /blend and /describe.
mj-usage =
    🖼 <b>Midjourney</b> ({ $model })

    /mj <i>prompt</i> — quatro imagens em uma grade; parâmetros do Midjourney como <code>--ar 16:9 --v 6</code> são repassados. Uma foto com a legenda <code>/mj prompt</code> é usada como referência.
    /blend — misturar de 2 a 5 fotos.
    /describe — quatro prompts para uma foto.

    Os botões embaixo de cada resultado fazem Upscale (U1–U4), variações (V1–V4, 🔄), Zoom e Pan.
    Velocidade e preço: /settings, ou <code>--fast</code> / <code>--relax</code> / <code>--turbo</code> no prompt.
mj-unavailable = O Midjourney não está disponível agora.
mj-speed-unavailable = --{ $mode } não está disponível aqui. Velocidades que você pode usar: { $offered }. Nada foi cobrado.
mj-prompt-too-long = O prompt é longo demais: no máximo { $limit ->
    [one] { $limit } caractere
    [many] { $limit } caracteres
   *[other] { $limit } caracteres
}.
mj-too-many-images = No máximo { $limit ->
    [one] { $limit } foto de referência
    [many] { $limit } fotos de referência
   *[other] { $limit } fotos de referência
} para este modelo.
mj-images-not-supported = Este modelo não aceita fotos de referência.
mj-image-too-large = 📷 Este arquivo tem { $size }: bots só conseguem baixar do Telegram arquivos de até { $sizeLimit }. Envie uma foto menor (como foto, não como arquivo: o Telegram a comprime). Nada foi cobrado.
mj-image-not-image = 📄 Este item do álbum não é uma imagem que eu possa usar como referência: envie fotos ou arquivos PNG, JPEG ou WebP. Nada foi cobrado.
mj-button-working = ⏳ { $action }…
mj-button-unsupported = Este botão não está disponível para este modelo do Midjourney. Tente outro botão, ou comece um novo /mj.
mj-button-region = 🖌 Vary (Region) precisa de uma máscara desenhada na imagem, e isso não dá para fazer pelo chat. Experimente 🪄 Vary (Subtle) ou (Strong), ou 🔍 Custom Zoom.
mj-button-region-gallery = 🖌 Vary (Region) é desenhado na galeria: abra /gallery, escolha esta imagem e pinte a parte que deve ser redesenhada.
mj-button-stale = Este botão está desatualizado.
mj-button-busy = Já estou cuidando disso…
mj-button-not-yours = Estes botões são da imagem de outra pessoa.
mj-button-model-off = Este modelo do Midjourney não está mais disponível.
mj-result-caption = { $model } · { $cost }
mj-mode-fast = fast
mj-mode-relax = relax
mj-mode-turbo = turbo
mj-ran-mode = ⚡ Rodou no modo { $mode }.
mj-ran-other-mode = ⚡ Rodou no modo { $mode }, não no { $asked }: o serviço não repassou a velocidade. Você pagou o preço do { $asked }.
mj-document-note = A imagem em tamanho original (maior do que o Telegram permite para fotos).
mj-describe-title = 🔍 <b>Quatro prompts para sua imagem</b>
mj-describe-hint = Toque em um número para gerar a imagem desse prompt.
mj-describe-button = { $n } ✨ Gerar
mj-describe-gone = Esse prompt não está mais disponível.
mj-preview-caption = 👀 Prévia
mj-modal-zoom-ask =
    🔍 <b>Custom Zoom</b>: envie o prompt com <code>--zoom</code> entre 1 e 2, ou só um número (por exemplo <code>1.5</code>) para manter o prompt:
    <code>{ $prompt }</code>

    O zoom custa { $price }. /cancel para desistir.
mj-modal-remix-ask =
    🎛 <b>Remix</b>: esta ação ({ $action }) pode receber um novo prompt antes de rodar. Prompt atual:
    <code>{ $prompt }</code>

    Custa { $price }.
mj-modal-new-ask = ✏️ Envie o novo prompt como texto. /cancel para desistir.
mj-modal-button-keep = ▶️ Manter o prompt
mj-modal-button-new = ✏️ Novo prompt
mj-modal-button-cancel = ✖️ Cancelar
mj-modal-continuing = ▶️ Continuando.
mj-modal-waiting = ✅ Certo: continua assim que o Midjourney estiver pronto.
mj-modal-cancelled = ✖️ Cancelado. { $refund }
mj-modal-gone = Esta etapa não está mais esperando um prompt.
mj-modal-text-only = Envie o prompt como texto, ou /cancel.
mj-modal-insufficient = 💰 Saldo insuficiente para esta etapa: custa { $price }, e você tem { $balance }.
mj-blend-ask = 🧩 <b>Blend</b>: envie de 2 a 5 fotos (o mais fácil é um álbum). /cancel para parar.
mj-blend-choose = 📐 Fotos: { $count }. Escolha o formato do resultado, ou envie mais fotos (até 5).
mj-blend-portrait = ▯ Retrato
mj-blend-square = ◻️ Quadrado
mj-blend-landscape = ▭ Paisagem
mj-blend-need-more = Envie pelo menos 2 fotos primeiro.
mj-blend-too-many = No máximo 5 fotos: as outras ficaram de fora.
mj-blend-cancelled = Blend cancelado.
mj-describe-ask = 🔍 <b>Describe</b>: envie uma foto e eu escrevo quatro prompts para ela. /cancel para parar.
mj-describe-cancelled = Describe cancelado.
mj-photo-only = Envie uma foto, ou /cancel.
mj-finish-first = Termine a etapa atual primeiro, ou cancele com /cancel.
mj-action-upscale = Upscale
mj-action-variation = Variation
mj-action-low_variation = Vary (Subtle)
mj-action-high_variation = Vary (Strong)
mj-action-reroll = Reroll
mj-action-zoom = Zoom out
mj-action-pan = Pan
mj-action-custom_zoom = Custom Zoom
mj-action-inpaint = Vary (Region)
