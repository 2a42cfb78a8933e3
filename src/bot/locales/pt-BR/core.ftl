# Core: start, help, errors, commands menu.
start-greeting = 👋 Olá, { $name }!

    Eu transformo suas palavras em imagens e vídeos:
start-balance = 💳 Cada geração é paga com o seu saldo: você vê o preço antes de ela começar e, se ela falhar, o valor volta para o saldo. Seu saldo: <b>{ $balance }</b>.
start-own-key = 🔑 Sua própria chave de API está vinculada: as gerações são pagas com ela, não com o saldo.
start-line-images = 🎨 Imagens: { $names }
start-line-edit = ✏️ Edição de fotos: { $names }
start-line-midjourney = 🖼 { $names }
start-line-video = 🎬 Vídeo: { $names }
start-and-more = { $names } (e mais { $count })
start-hint = ✍️ É só me enviar a descrição de uma imagem, ou usar os botões abaixo.
help-text = <b>O que eu sei fazer</b>: escolha um tema abaixo, ou só me envie a descrição de uma imagem.
help-topic-images = 🎨 Imagens
help-topic-midjourney = 🖼 Midjourney
help-topic-video = 🎬 Vídeo
help-topic-money = 💰 Saldo e pagamentos
help-topic-account = ⚙️ Configurações e suporte
help-images = <b>🎨 Imagens</b>

    /imagine <i>prompt</i>: gerar uma imagem (ou só me envie o texto)
    /edit <i>instrução</i>: editar uma foto (ou envie a foto com a instrução na legenda; um álbum também funciona)
    /settings: modelo, tamanho e número de imagens
    /models: todos os modelos e seus preços
    /jobs: suas gerações recentes

    Embaixo de cada resultado: 🔁 de novo, ✏️ editar, 📎 o arquivo original.
help-midjourney = <b>🖼 Midjourney</b>

    /mj <i>prompt</i>: quatro imagens em uma grade; parâmetros como --ar 16:9 ou --v 6 funcionam
    Os botões embaixo da grade: U1–U4 fazem upscale de uma, V1–V4 criam variações dela, 🔄 gera de novo; depois vêm zoom, pan e vary (region)
    /blend: misturar várias fotos (envie como álbum, com /blend na legenda)
    /describe: envie uma foto e receba quatro prompts para ela
help-video = <b>🎬 Vídeo</b>

    /video <i>prompt</i>: um vídeo a partir de texto; antes eu mostro o preço, a duração e o modelo
    Uma foto com /video na legenda: a foto ganha vida (imagem para vídeo)
    Vídeos levam alguns minutos: eu envio o resultado aqui quando ficar pronto, mesmo que eu tenha sido reiniciado.
help-money = <b>💰 Saldo e pagamentos</b>

    /balance: seu saldo e o histórico
    /topup: recarregar com Estrelas do Telegram
    /redeem <i>código</i>: recarregar com um código (ou só me envie o código)
    /invite: convidar amigos (você e o amigo ganham um bônus)
    /key: usar sua própria chave de API em vez do saldo
    /paysupport: ajuda com um pagamento · /terms: termos de uso

    O preço é reservado quando a geração começa e devolvido se ela falhar.
help-account = <b>⚙️ Configurações e suporte</b>

    /settings: modelos e parâmetros
    /language: mudar o idioma
    /cancel: interromper o que você está fazendo (uma pergunta, um rascunho)
    /support: escrever para uma pessoa; a resposta chega aqui
unknown-command = Não conheço esse comando. Veja o que eu sei fazer: /help
unknown-command-suggest = Não conheço /{ $typed }. Você quis dizer /{ $command }?
cancel-nothing = Não há nada para cancelar: nenhuma pergunta ou rascunho está aberto. /help mostra o que eu sei fazer.
bot-short-description = Imagens e vídeos a partir das suas palavras, com os principais modelos de IA em um só chat. Pague só pelo que usar.
bot-description = Eu crio imagens e vídeos a partir de uma descrição com modelos como { $names }, tudo em um só chat. Também edito fotos e dou vida a elas.

    Cada geração é paga com o seu saldo; o preço aparece antes de ela começar, e uma geração que falha é reembolsada. Toque em Iniciar para ver os modelos e como recarregar.
unknown-callback = Este botão não está mais ativo.
error-generic = ⚠️ Algo deu errado do meu lado. Nada foi cobrado por isso. Tente de novo daqui a pouco.
banned = ⛔ Seu acesso a este bot foi suspenso. Se você acha que é um engano, fale com { $contact }.
banned-no-contact = ⛔ Seu acesso a este bot foi suspenso.
not-in-private = Para isso, fale comigo no chat privado.
language-choose = 🌐 Escolha seu idioma:
language-set = ✅ Idioma: português (Brasil)
button-models = 📋 Modelos e preços
button-balance = 💰 Saldo
button-help = ❓ Ajuda
button-support = 💬 Suporte
cmd-start = Começar
cmd-help = O que o bot sabe fazer
cmd-imagine = Gerar uma imagem
cmd-edit = Editar uma foto
cmd-mj = Midjourney
cmd-video = Gerar um vídeo
cmd-settings = Modelo e parâmetros
cmd-models = Modelos e preços
cmd-jobs = Minhas gerações
cmd-gallery = Meus resultados (galeria)
cmd-balance = Saldo
cmd-redeem = Resgatar um código
cmd-key = Minha própria chave de API
cmd-support = Falar com o suporte
cmd-language = Idioma
cmd-cancel = Cancelar a ação atual
cmd-topup = Recarregar com Estrelas do Telegram
cmd-invite = Convidar amigos
cmd-paysupport = Ajuda com um pagamento
cmd-terms = Termos de uso
start-welcome-credit = 🎁 Boas-vindas! Você tem <b>{ $amount }</b> para experimentar os modelos.
terms-default = 📄 <b>Termos</b>
    Pagamentos em Estrelas do Telegram compram saldo para gerações neste bot; o saldo é gasto nas gerações pelos preços mostrados antes de cada uma, e uma geração que falha é reembolsada no saldo automaticamente.
    Dúvidas ou problemas com um pagamento: /paysupport. Reembolsos de Estrelas são decididos pelo operador.
