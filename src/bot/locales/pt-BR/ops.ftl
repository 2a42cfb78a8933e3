generation-rate-limited = ⏳ Você já enviou { $limit ->
    [one] { $limit } pedido de geração
    [many] { $limit } pedidos de geração
   *[other] { $limit } pedidos de geração
} em um minuto, o máximo permitido. Tente de novo em { $seconds } s.
