-- numbering — the numbers a Vietnamese administrative document uses.
--   roman(4)  → "IV"          (mục: I., II. …)
--   letter(5) → "đ"           (điểm: a) b) c) d) đ) e) g) …; no f, j, w, z)
--   format("roman" | "arabic" | "letter" | "upper-letter", n)
local M = {}

local ROMAN = {
  {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
  {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
}

function M.roman(n)
  assert(math.type(n) == "integer" and n >= 1 and n < 4000, kh._("roman: expected a whole number from 1 to 3999"))
  local out = {}
  for _, pair in ipairs(ROMAN) do
    while n >= pair[1] do
      out[#out + 1] = pair[2]
      n = n - pair[1]
    end
  end
  return table.concat(out)
end

-- The Vietnamese alphabet as the decree letters its points: đ follows d, and f, j, w, z are absent.
M.LETTERS = { "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q",
              "r", "s", "t", "u", "v", "x", "y" }

function M.letter(n)
  assert(math.type(n) == "integer" and n >= 1, kh._("letter: expected a whole number from 1"))
  local count = #M.LETTERS
  -- After y: aa, bb … as long lists in practice continue.
  local repeatn = (n - 1) // count + 1
  return string.rep(M.LETTERS[(n - 1) % count + 1], repeatn)
end

-- A number typed before a heading's text, as pasted from a Word file ("I. MỤC TIÊU", "1.1. …",
-- "a) …"): the typed label and the text after it, or nil. SAME(label, computed) tells whether
-- it is the number the renderer gives ("I." and "I. " are the same).
local TYPED = { "^([IVXLCDM]+%.)%s+", "^([A-Z]%.)%s+", "^(%d+%.%d+%.?)%s+", "^(%d+%.)%s+", "^([a-zđ]%))%s+" }

function M.typed(text)
  for _, pat in ipairs(TYPED) do
    local _, stop, label = text:find(pat)
    if label then return label, text:sub(stop + 1) end
  end
  return nil
end

function M.same(label, computed)
  local function bare(s) return (s:gsub("%s+$", ""):gsub("%.$", "")) end
  return bare(label) == bare(computed or "")
end

function M.format(style, n)
  if style == "roman" then return M.roman(n)
  elseif style == "arabic" then return tostring(n)
  elseif style == "letter" then return M.letter(n)
  elseif style == "upper-letter" then return kh.upper(M.letter(n))
  end
  error(kh._("numbering: unknown style '%s' (roman, arabic, letter, upper-letter)"):format(tostring(style)), 2)
end

return M
