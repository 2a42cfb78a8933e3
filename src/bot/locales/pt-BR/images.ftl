# Image generation, photo editing, /settings and /jobs.
imagine-usage =
    🎨 Descreva a imagem depois do comando, por exemplo:
    <code>/imagine uma raposa vermelha na neve, aquarela</code>

    No chat privado, você também pode enviar só a descrição. Adicione <code>--ar 16:9</code>, <code>--size 1024x768</code> ou <code>--n 2</code> para substituir as /settings só nesse pedido.
imagine-model-options = ⚙️ { $model } também aceita: <code>{ $flags }</code>
imagine-no-model = 🎨 Nenhum modelo de imagem está disponível agora. Tente de novo mais tarde.
edit-no-model = ✏️ Nenhum modelo de edição de fotos está disponível agora. Tente de novo mais tarde.
edit-ask = ✏️ O que devo mudar nesta foto? Envie a instrução em uma mensagem (ou /cancel).
edit-ask-album = ✏️ O que devo mudar { $count ->
    [one] nesta foto
    [many] nestas { $count } fotos
   *[other] nestas { $count } fotos
}? Envie a instrução em uma mensagem (ou /cancel).
edit-send-photo = 📷 Agora envie a foto que você quer editar (ou /cancel).
edit-send-photo-captioned = 📷 Envie a foto que você quer editar com a instrução na legenda, por exemplo “deixe o céu roxo” (ou /cancel).
edit-too-large = 📷 Este arquivo tem { $size }: bots só conseguem baixar do Telegram arquivos de até { $limit }. Envie uma foto menor (como foto, não como arquivo: o Telegram a comprime). Nada foi cobrado.
edit-not-image = 📄 Este arquivo não é uma imagem que eu consiga editar. Envie uma foto ou um arquivo PNG, JPEG ou WebP. Nada foi cobrado.
edit-cancelled = ✖️ Cancelado. Envie uma descrição para gerar uma imagem, ou uma foto com legenda para editá-la.
settings-title = ⚙️ <b>Configurações</b>
settings-line-model = 🎨 Modelo de imagem: <b>{ $model }</b> · { $price }
settings-line-size = 📐 Tamanho: { $value }
settings-line-aspect = 📐 Proporção: { $value }
settings-line-n = 🔢 Imagens por pedido: { $n } (até { $max })
settings-line-options = ⚙️ Opções: <code>{ $flags }</code>
settings-line-edit = ✏️ Modelo de edição: <b>{ $model }</b> · { $price }
settings-line-mj = 🖼 Midjourney: <b>{ $model }</b> · { $price }
settings-line-mj-version = 🧬 Versão: <code>{ $flag }</code>
settings-line-mj-version-default = 🧬 Versão: a padrão do serviço
settings-button-mj-version-default = Padrão
settings-button-mj = 🖼 Midjourney: velocidade e versão
settings-choose-mj = 🖼 Midjourney e Niji em cada velocidade: relax é mais barato, mas pode esperar na fila; turbo é o mais rápido. Os preços são por grade e por upscale. A última linha é a versão do modelo em que seus prompts rodam (pelo mesmo preço); uma versão escrita no prompt, como --v 6.1, tem prioridade.
settings-price-mj = { $imagine } por grade, { $upscale } por upscale
settings-button-model = 🎨 Modelo de imagem
settings-button-size = 📐 Tamanho
settings-button-aspect = 📐 Proporção
settings-button-n = 🔢 Número de imagens
settings-button-edit = ✏️ Modelo de edição
settings-button-back = ⬅️ Voltar
settings-button-close = ✖️ Fechar
settings-family-image = 🖼 Modelos de imagem ({ $count })
settings-family-chat-image = 💬 Modelos de chat que geram imagens ({ $count })
settings-family-edit = ✏️ Modelos de edição de fotos ({ $count })
settings-choose-family-g = 🎨 Que tipo de modelo deve criar suas imagens?
settings-choose-family-e = ✏️ Que tipo de modelo deve editar suas fotos?
settings-choose-model-g = 🎨 { $family }: escolha o modelo para novas imagens.
settings-choose-model-e = ✏️ { $family }: escolha o modelo para editar fotos.
settings-choose-size = 📐 Tamanhos disponíveis no { $model }:
settings-choose-aspect = 📐 Proporções disponíveis no { $model }:
settings-choose-n = 🔢 Quantas imagens por pedido? { $model } gera até { $max }, e cada uma é cobrada.
settings-price-image = { $price } por imagem
settings-price-call = { $price } por pedido
settings-not-yours = Estas são as configurações de outra pessoa. Envie /settings para ver as suas.
settings-model-gone = Este modelo não está mais disponível. Escolha outro.
settings-mj-version-gone = Esta versão não está disponível para o modelo do Midjourney escolhido. Escolha uma das versões mostradas.
settings-saved-model = ✅ Modelo: { $model }
settings-saved-value = ✅ Salvo: { $value }
settings-no-sizes = { $model } não tem opções de tamanho: ele mesmo escolhe o tamanho.
settings-single-n = { $model } gera uma imagem por pedido.
jobs-cancel-button = ✖️ Cancelar { $id }
jobs-cancelled-toast = ✖️ Cancelado, nada foi cobrado.
jobs-already-cancelled = Já foi cancelado.
jobs-again-toast = 🔁 Mais uma vez…
jobs-model-gone = O modelo { $model } não está mais disponível, então não consigo repetir. Escolha outro em /settings.
jobs-not-finished = Esta geração ainda não terminou.
jobs-edit-which = Responda à imagem que você quer mudar com /edit e o que mudar.
