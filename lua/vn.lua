-- vn — Vietnamese dates and number lines as Nghị định 30/2020/NĐ-CP writes them (nd30.md §5–6).
local M = {}

-- Blank kept for the clerk to fill in by hand (a draft's number and day).
M.BLANK = "      "
-- A draft's place left blank, dotted as the decree's forms print it ("……, ngày … tháng …").
M.PLACE_BLANK = "………"

-- Days below 10 take a leading zero; months only 1 and 2 do ("tháng 01", "tháng 02", "tháng 6").
function M.day(d)
  return string.format("%02d", d)
end

function M.month(m)
  if m <= 2 then return string.format("%02d", m) end
  return tostring(m)
end

-- "ngày 05 tháng 01 năm 2024"; without a day: "ngày      tháng 6 năm 2026" (the blank between
-- "ngày" and "tháng" is M.BLANK).
function M.date(date)
  local day = date.day and (" " .. M.day(date.day) .. " ") or M.BLANK
  return "ngày" .. day .. "tháng " .. M.month(date.month) .. " năm " .. date.year
end

-- "Đắk Lắk, ngày 05 tháng 01 năm 2024"
function M.date_line(place, date)
  return place .. ", " .. M.date(date)
end

-- "05/KH-SXD", or "     /KH-SXD" in a draft (after "số ", the blank is M.BLANK wide).
function M.number_symbol(number, symbol)
  local n = number and string.format("%02d", number) or M.BLANK:sub(2)
  return n .. "/" .. symbol
end

-- "Số: 05/KH-SXD", or "Số:      /KH-SXD" in a draft.
function M.number_line(number, symbol)
  return "Số: " .. M.number_symbol(number, symbol)
end

-- "KẾ HOẠCH" → "Kế hoạch": the type named inside a sentence.
function M.sentence_case(s)
  local lower = kh.lower(s)
  local first = utf8.offset(lower, 2)
  if not first then return kh.upper(lower) end
  return kh.upper(lower:sub(1, first - 1)) .. lower:sub(first)
end

return M
