generation-rate-limited = ⏳ Это уже { $limit ->
    [one] { $limit } запрос
    [few] { $limit } запроса
   *[many] { $limit } запросов
} на генерацию за минуту — больше нельзя. Попробуйте снова через { $seconds } с.
