-- Appended to the generated targets table by flood.sh. Half the requests are 405s (a route's
-- pattern with random variable values, a method it does not take), half 501s (a random method
-- name of 3 to 12 letters on a random path; now and then that name is GET or PUT, and the
-- answer a 404). Counts the responses by status.
local letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
local chars = "abcdefghijklmnopqrstuvwxyz0123456789"
local threads = {}
-- wrk parses the first request it gets to check it, and its parser knows only standard
-- methods: the first request of every script instance is a 405.
local first = true

local function random_string(alphabet, min, max)
  local out = {}
  for i = 1, math.random(min, max) do
    local k = math.random(1, #alphabet)
    out[i] = alphabet:sub(k, k)
  end
  return table.concat(out)
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() + math.random(1, 1000000))
  counts = {}
end

function request()
  if first or math.random() < 0.5 then
    first = false
    local target = targets[math.random(1, #targets)]
    local path = target[1]:gsub("{}", function() return random_string(chars, 6, 16) end)
    return wrk.format(target[2], path)
  end
  local path = "/" .. random_string(chars, 4, 12) .. "/" .. random_string(chars, 4, 12)
  return wrk.format(random_string(letters, 3, 12), path)
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("counts")) do
      total[status] = (total[status] or 0) + n
    end
  end
  for status, n in pairs(total) do
    io.write(string.format("status %d: %d responses\n", status, n))
  end
end
