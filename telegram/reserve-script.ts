/**
 * The Redis side of the outbound limits: one atomic reservation under the bot's window (KEYS[1])
 * and, when given, the chat's (KEYS[2]), by the same rules and steps as schedule.ts (nextInOrder
 * for the chat, earliestFit for the bot; test/telegram/reserve-script.test.ts holds them equal).
 * ARGV: the earliest time the call may go (the caller's wall clock, ms), a member id, the bot's
 * count and window ms[, the chat's count and window ms]. Answers the reserved time (same clock).
 *
 * Caller time, not Redis' TIME: every process waits for the answered instant on its own clock, so
 * what must agree is the processes' clocks (NTP keeps hosts within milliseconds). Mapping Redis'
 * TIME onto a local clock would cost a round trip whose uncertainty, while a burst queues behind
 * it, reaches hundreds of milliseconds — more than any window's margin.
 */
export const reserveScript = `
local now = tonumber(ARGV[1]) -- the call's earliest time
-- Calls are kept (and keys live) 10 s past their windows: callers' clocks may differ a little,
-- and one caller's 'now' must not drop a call another caller's windows still hold.
local keep = 10000
local member = ARGV[2]
local bot_count, bot_window = tonumber(ARGV[3]), tonumber(ARGV[4])

local function sorted_index(times, at)
  local lo, hi = 1, #times
  while lo <= hi do
    local mid = math.floor((lo + hi) / 2)
    if times[mid] <= at then lo = mid + 1 else hi = mid - 1 end
  end
  return hi
end

local function earliest(times, count, window, from)
  local n = #times
  local dense = { [0] = 0 }
  for i = 1, n do
    local full = i + count - 1 <= n and times[i + count - 1] - times[i] < window
    dense[i] = dense[i - 1] + (full and 1 or 0)
  end
  local p = sorted_index(times, from)
  while true do
    local first, last = math.max(1, p + 2 - count), math.min(p, n - count + 1)
    if last < first or dense[last] - dense[first - 1] == 0 then
      local lo = from
      if p >= 1 then lo = math.max(lo, times[p]) end
      if p + 1 - count >= 1 then lo = math.max(lo, times[p + 1 - count] + window) end
      local hi = math.huge
      if p < n then hi = times[p + 1] end
      if p + count <= n then hi = math.min(hi, times[p + count] - window) end
      if lo <= hi then return lo end
    end
    p = p + 1
  end
end

local at = now
local chat_window = 0
if #KEYS > 1 then
  local chat_count = tonumber(ARGV[5])
  chat_window = tonumber(ARGV[6])
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - chat_window - keep)
  local last = redis.call('ZRANGE', KEYS[2], -chat_count, -1, 'WITHSCORES')
  if #last > 0 then at = math.max(at, tonumber(last[#last])) end
  if #last / 2 >= chat_count then at = math.max(at, tonumber(last[2]) + chat_window) end
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - bot_window - keep)
local flat = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (at - bot_window), '+inf', 'WITHSCORES')
local times = {}
for i = 2, #flat, 2 do times[#times + 1] = tonumber(flat[i]) end
at = earliest(times, bot_count, bot_window, at)
redis.call('ZADD', KEYS[1], at, member)
redis.call('PEXPIRE', KEYS[1], math.max(at, times[#times] or at) - now + bot_window + keep)
if #KEYS > 1 then
  redis.call('ZADD', KEYS[2], at, member)
  redis.call('PEXPIRE', KEYS[2], at - now + chat_window + keep)
end
return at
`;
