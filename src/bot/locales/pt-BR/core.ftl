# Core: start, help, errors, commands menu.
start-greeting =
    👋 Olá, { $name }!

    Eu gero imagens e vídeos com os melhores modelos: DALL·E, FLUX, Gemini, Midjourney, Kling, Sora, Veo e outros.

    É só me enviar a descrição de uma imagem — ou usar os comandos abaixo.
start-balance = 💰 Saldo: { $balance }
help-text =
    <b>O que eu sei fazer</b>

    🎨 /imagine <i>prompt</i> — gerar uma imagem (ou só me envie o texto)
    ✏️ /edit <i>instrução</i> — editar uma foto (envie a foto com legenda)
    🖼 /mj <i>prompt</i> — Midjourney; /blend, /describe
    🎬 /video <i>prompt</i> — criar um vídeo (na legenda de uma foto, transforma a foto em vídeo)
    ⚙️ /settings — modelo, tamanho, número de imagens
    📋 /models — modelos e preços
    🧾 /jobs — suas gerações recentes

    💰 /balance — saldo e histórico
    🎟 /redeem <i>código</i> — recarregar com um código
    🔑 /key — usar sua própria chave de API
    💬 /support — falar com o suporte
    🌐 /language — mudar o idioma
unknown-command = Não conheço esse comando. Veja o que eu sei fazer: /help
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
