/**
 * The Lua scripts of the follow rooms on Redis (redis-rooms.ts). Each runs atomically, so a cap is
 * checked and a mark counted in one step, and each publishes its event from inside the script, so
 * every instance hears events in the order Redis applied them.
 *
 * Every script gets the same KEYS: 1 the key's SHA-256 (the room exists while it does),
 * 2 the newest position, 3 the marks (`<step> <follower>` -> done|stuck), 4 the counts
 * (`<step>` -> "<done> <stuck>"), 5 the listeners per instance (`<instance>` -> "<n> <fresh until>"),
 * 6 the index of rooms (a sorted set scored by when each goes idle). ARGV starts id, idle ms, now
 * ms, channel.
 */

/** Any activity keeps every key of the room for another idle time: expiries, never sweeps. */
const touch = `
local function touch()
  for i = 1, 5 do redis.call('PEXPIRE', KEYS[i], ARGV[2]) end
  redis.call('ZADD', KEYS[6], 'XX', tonumber(ARGV[3]) + tonumber(ARGV[2]), ARGV[1])
end
`;

/** ARGV 5 key hash, 6 max rooms: 1 made, 0 the server is full, -1 the name is taken. */
export const createScript = `
redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', ARGV[3])
if redis.call('ZCARD', KEYS[6]) >= tonumber(ARGV[6]) then return 0 end
if not redis.call('SET', KEYS[1], ARGV[5], 'NX', 'PX', ARGV[2]) then return -1 end
redis.call('ZADD', KEYS[6], tonumber(ARGV[3]) + tonumber(ARGV[2]), ARGV[1])
return 1`;

/** ARGV 5 the position's JSON (the caller has checked the key): 1, or 0 the room is gone. */
export const publishScript = `${touch}
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('SET', KEYS[2], ARGV[5], 'PX', ARGV[2])
touch()
redis.call('PUBLISH', ARGV[4], 'position ' .. ARGV[5])
return 1`;

/** The counts hash as PulseCounts' JSON. */
const countsJson = `
local function countsJson()
  local all = redis.call('HGETALL', KEYS[4])
  local parts = {}
  for i = 1, #all, 2 do
    local d, s = string.match(all[i + 1], '^(%d+) (%d+)$')
    parts[#parts + 1] = cjson.encode(all[i]) .. ':{"done":' .. d .. ',"stuck":' .. s .. '}'
  end
  return '{' .. table.concat(parts, ',') .. '}'
end
`;

/**
 * ARGV 5 step, 6 follower, 7 done|stuck|clear, 8 max steps, 9 max marks per step: 1 counted,
 * 0 the pulse is full, -1 the room is gone.
 */
export const markScript = `${touch}${countsJson}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local step, mark = ARGV[5], ARGV[7]
local field = step .. ' ' .. ARGV[6]
local counted = redis.call('HGET', KEYS[4], step)
local done, stuck = 0, 0
if counted then
  local d, s = string.match(counted, '^(%d+) (%d+)$')
  done, stuck = tonumber(d), tonumber(s)
elseif redis.call('HLEN', KEYS[4]) >= tonumber(ARGV[8]) then return 0 end
local old = redis.call('HGET', KEYS[3], field)
if mark ~= 'clear' and not old and done + stuck >= tonumber(ARGV[9]) then return 0 end
if old == 'done' then done = done - 1 elseif old == 'stuck' then stuck = stuck - 1 end
if mark == 'clear' then
  redis.call('HDEL', KEYS[3], field)
else
  redis.call('HSET', KEYS[3], field, mark)
  if mark == 'done' then done = done + 1 else stuck = stuck + 1 end
end
redis.call('HSET', KEYS[4], step, done .. ' ' .. stuck)
touch()
redis.call('PUBLISH', ARGV[4], 'pulse ' .. countsJson())
return 1`;

/**
 * ARGV 5 this instance, 6 its listener count, 7 fresh until (ms), 8 '1' to tell the room: the
 * room's listeners on every instance, or -1 the room is gone. An instance that stopped without
 * saying so stops counting once its entry is stale.
 */
export const listenersScript = `${touch}
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
if ARGV[6] == '0' then redis.call('HDEL', KEYS[5], ARGV[5])
else redis.call('HSET', KEYS[5], ARGV[5], ARGV[6] .. ' ' .. ARGV[7]) end
local total = 0
local all = redis.call('HGETALL', KEYS[5])
for i = 1, #all, 2 do
  local n, fresh = string.match(all[i + 1], '^(%d+) (%d+)$')
  if tonumber(fresh) < tonumber(ARGV[3]) then redis.call('HDEL', KEYS[5], all[i])
  else total = total + tonumber(n) end
end
touch()
if ARGV[8] == '1' then redis.call('PUBLISH', ARGV[4], 'room {"listeners":' .. total .. '}') end
return total`;
