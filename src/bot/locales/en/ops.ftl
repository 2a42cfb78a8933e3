generation-rate-limited = ⏳ That is { $limit ->
    [one] { $limit } generation request
   *[other] { $limit } generation requests
} in a minute, the most you can send. Try again in { $seconds } s.
