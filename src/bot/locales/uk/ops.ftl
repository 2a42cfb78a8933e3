generation-rate-limited = ⏳ Це вже { $limit ->
    [one] { $limit } запит
    [few] { $limit } запити
    [many] { $limit } запитів
   *[other] { $limit } запиту
} на генерацію за хвилину — більше не можна. Спробуйте знову через { $seconds } с.
