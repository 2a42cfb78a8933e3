generation-rate-limited = ⏳ 你一分钟内已发送 { $limit } 个生成请求，已达上限。请在 { $seconds } 秒后再试。
