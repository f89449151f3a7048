-- tables — lays out a plan's table (read_table(…) or rows written in Lua) with the builder.
--
-- Cell conventions (the same in a CSV file and in Lua rows):
--   "<"        merged into the cell on its left (column span)
--   "^"        merged into the cell above (row span)
--   "#I" …     a group row: label I in the STT column, the title in the next cell spanning the
--              empty cells after it; "##I" a group nested in the previous one; "#" alone: no label,
--              the title spans the whole row
--   ""         in the STT column of a data row: numbered automatically (stt.lua); a number
--              typed there is kept, counted, and warned about when it is not the automatic one
--   a line break inside a cell starts a new paragraph; **bold** and *italic* as in the body
--
-- Options beside the rows: header_rows (1), columns = { {width = share | mm = absolute,
-- align = "left" | "center" | "right" | "justify"}, … }, stt = {column = 1, format = "n" |
-- "group.n" | "roman" | "letter", restart = true (numbering restarts in each group)}.
local stt_numbers = require("stt")

local M = {}

local function where(spec, row)
  if spec.file and row.line then return spec.file .. ":" .. row.line end
  return kh._("table row %s"):format(tostring(row.index))
end

-- Column widths in mm for the text width available. A column's `mm` is absolute; `width` is a
-- share of what the absolute columns leave (1 when neither is given).
local function widths(columns, ncols, available, file)
  local w, shares, fixed = {}, 0, 0
  for c = 1, ncols do
    local col = columns[c] or {}
    if col.mm then fixed = fixed + col.mm else shares = shares + (col.width or 1) end
  end
  if fixed > available + 0.01 or (shares > 0 and fixed >= available) then
    error(string.format(kh._("%s: the absolute column widths (%.1f mm) leave no room in the %.1f mm of text width"),
                        file or kh._("table"), fixed, available), 0)
  end
  for c = 1, ncols do
    local col = columns[c] or {}
    w[c] = col.mm or (col.width or 1) * (available - fixed) / shares
  end
  return w
end

-- Lay out SPEC in DOC. SETTINGS: size, header (bold, align), group (bold), cell spacing.
function M.render(doc, spec, settings, available_width)
  local rows = spec.rows
  if type(rows) ~= "table" or #rows == 0 then
    error(kh._("%s: expected rows, got none"):format(spec.file or kh._("table")), 0)
  end
  local ncols = 0
  for i, row in ipairs(rows) do
    if type(row) ~= "table" then error(kh._("table row %d: expected a list of cell texts"):format(i), 0) end
    ncols = math.max(ncols, #row)
  end
  local columns = spec.columns or {}
  if #columns > 0 and #columns ~= ncols then
    error(string.format(kh._("%s: columns lists %d columns, the rows have %d"), spec.file or kh._("table"),
                        #columns, ncols), 0)
  end
  local header_rows = spec.header_rows or 1
  local stt = spec.stt or {}
  local stt_col = stt.column or 1
  -- the automatic numbers; a typed one that disagrees is kept as typed, with a warning
  local numbers, disagree = stt_numbers.number(spec)
  for _, d in ipairs(disagree) do
    kh.warn(stt_numbers.message(d), where(spec, { index = d.row, line = rows[d.row].line }))
  end

  -- The named styles of header, data and group cells (TableHeader, TableText, TableNumber for
  -- the STT column, TableGroup, TableGroupNumber: the template's element_styles) with each
  -- column's exceptions, made once for the table. A cell's alignment is direct
  -- only where its column's differs from its style's.
  local header_style = { style = "TableHeader" }
  local data_styles, group_styles = {}, {}
  for c = 1, ncols do
    local align = (columns[c] or {}).align
    if c == stt_col then
      data_styles[c] = { style = "TableNumber", align = align ~= "center" and align or nil }
    else
      data_styles[c] = { style = "TableText", align = align ~= "left" and align or nil }
    end
    -- a group row's other cells keep it with the next row as its title does
    align = (columns[c] or {}).align
    group_styles[c] = { style = "TableText", align = align ~= "left" and align or nil, keep_next = true }
  end
  local group_label = { style = "TableGroupNumber" }
  local group_title = { style = "TableGroup" }

  -- The rows themselves are laid out in C (doc:data_table), by the conventions above: group
  -- rows, '<' and '^', the automatic numbers, inline markup, and which rows are kept whole: a
  -- row stays whole on one page while it is short; a taller one may break across pages, since
  -- a row kept whole that is taller than a page loses its last lines in Word. A group row's
  -- paragraphs keep it with the next row either way.
  doc:data_table{
    rows = rows,
    widths = widths(columns, ncols, available_width, spec.file),
    header_rows = header_rows,
    stt_column = stt_col,
    numbers = numbers,
    file = spec.file,
    borders = true,
    cell_margin = settings.cell_margin,
    styles = { header = header_style, group_label = group_label, group_title = group_title,
               data = data_styles, group = group_styles },
    size = settings.size or 12,
    space = settings.space or 0,
    header_bold = settings.header_bold and true or false,
    group_bold = settings.group_bold and true or false,
    whole_max = settings.row_whole_max or 80,
  }
end

return M
