generation-rate-limited = ⏳ That is { $limit } generation requests in a minute, the most you can send. Try again in { $seconds } s.
