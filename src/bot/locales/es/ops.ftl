generation-rate-limited = ⏳ Ya van { $limit ->
    [one] { $limit } solicitud
    [many] { $limit } solicitudes
   *[other] { $limit } solicitudes
} de generación en un minuto, el máximo permitido. Vuelve a intentarlo en { $seconds } s.
