# O Mini App (galeria) e os botões que o abrem.
app-title = Meus resultados
app-empty = Ainda não há nada aqui. Suas imagens e vídeos aparecem aqui assim que ficarem prontos.
app-loading = Carregando…
app-more = Ver mais
app-original = ⬇️ Arquivo original
app-share = ↗️ Compartilhar num chat
app-error = Algo deu errado. Feche a galeria e abra de novo.
app-error-auth = Esta página não conseguiu confirmar quem é você. Abra a galeria de novo pelo bot.
app-error-gone = Este resultado não está mais disponível.
button-gallery = 🖼 Minha galeria
gallery-open = 🖼 Seus resultados, numa galeria:
gallery-off = A galeria não está configurada neste bot. /jobs mostra suas gerações recentes.
