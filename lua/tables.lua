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

-- One line of a cell → a paragraph spec. STYLE: the named style (id) and the cell's exceptions
-- to it (align, keep_next); the size, weight and spacing are the style's.
local function paragraph(line, style, spec, row, column)
  local ok, runs = pcall(kh.inline, line, spec.file or "table", row.line or 1, column)
  if not ok then error(runs, 0) end
  return { style = style.id, runs = runs, align = style.align, keep_next = style.keep_next }
end

-- One cell text → paragraph specs: one per line, empty lines dropped but the first.
local function paragraphs(text, style, spec, row, column)
  if not text:find("\n", 1, true) then
    -- one line (most cells): what the loop below does with it, without copying the text
    if text:byte(-1) == 13 then text = text:sub(1, -2) end
    return { paragraph(text, style, spec, row, column) }
  end
  local out = {}
  local first_line = true
  for line in (text .. "\n"):gmatch("(.-)\r?\n") do
    if line ~= "" or first_line then
      out[#out + 1] = paragraph(line, style, spec, row, column)
    end
    first_line = false
  end
  return out
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

local MM_PER_PT = 25.4 / 72

-- The height in mm a cell's paragraphs take in WIDTH mm: each paragraph's lines wrapped by the
-- font's widths (a tenth more for breaks at spaces), single spacing, plus its spacing. SETTINGS
-- give the size and spacing the table styles carry; BOLD[id] whether a style is bold.
local function cell_height(content, width, settings, bold)
  local h = 0
  local size, space = settings.size or 12, settings.space or 0
  for _, p in ipairs(content) do
    local w = 0
    for _, run in ipairs(p.runs) do w = w + kh.text_width(run.text, size, run.bold or bold[p.style]) end
    local lines = math.max(1, math.ceil(w * 1.1 / math.max(width, 1)))
    h = h + (lines * size * 1.15 + 2 * space) * MM_PER_PT
  end
  return h
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
  -- column's exceptions, made once: paragraph() only reads them. A cell's alignment is direct
  -- only where its column's differs from its style's.
  local header_style = { id = "TableHeader" }
  local data_styles, group_styles = {}, {}
  for c = 1, ncols do
    local align = (columns[c] or {}).align
    if c == stt_col then
      data_styles[c] = { id = "TableNumber", align = align ~= "center" and align or nil }
    else
      data_styles[c] = { id = "TableText", align = align ~= "left" and align or nil }
    end
    -- a group row's other cells keep it with the next row as its title does
    align = (columns[c] or {}).align
    group_styles[c] = { id = "TableText", align = align ~= "left" and align or nil, keep_next = true }
  end
  local group_label = { id = "TableGroupNumber" }
  local group_title = { id = "TableGroup" }

  local out_rows = {}
  for r, row in ipairs(rows) do
    local info = { index = r, line = row.line }
    local is_header = r <= header_rows
    local first = row[1] or ""
    local group_level = (not is_header) and first:match("^(#+)") and #first:match("^(#+)")
    local cells = {}
    if group_level then
      local label = first:sub(group_level + 1)
      -- the title spans up to the next non-empty cell
      local title_col = 2
      -- a group row stays on the page of its first row (TableGroup keeps with the next)
      local start = 1
      if label ~= "" then
        cells[#cells + 1] = { content = paragraphs(label, group_label, spec, info, 1),
                              valign = "center", column = 1 }
        start = 2
      else
        title_col = 2
      end
      local title = row[title_col] or ""
      local stop = title_col + 1
      while stop <= ncols and (row[stop] or "") == "" do stop = stop + 1 end
      cells[#cells + 1] = { content = paragraphs(title, group_title, spec, info, title_col),
                            colspan = stop - start, valign = "center", column = title_col }
      for c = stop, ncols do
        cells[#cells + 1] = { content = paragraphs(row[c] or "", group_styles[c], spec, info, c),
                              column = c }
      end
    else
      for c = 1, ncols do
        local text = row[c] or ""
        if text == "<" then
          if c == 1 or #cells == 0 then
            error(kh._("%s: column %d: '<' has no cell on its left to merge with"):format(where(spec, info), c), 0)
          end
          -- find the cell this one extends: the last cell emitted in this row
          local last = cells[#cells]
          if last.col + (last.colspan or 1) ~= c then
            error(kh._("%s: column %d: '<' follows a '^': merge a block with '^' only"):format(where(spec, info), c), 0)
          end
          last.colspan = (last.colspan or 1) + 1
        elseif text == "^" then
          if r == 1 then
            error(kh._("%s: column %d: '^' has no cell above to merge with"):format(where(spec, info), c), 0)
          end
          local above = out_rows[r - 1].origin[c]
          if not above then
            error(kh._("%s: column %d: '^' under a cell that cannot grow down"):format(where(spec, info), c), 0)
          end
          if above.col == c then above.rowspan = (above.rowspan or 1) + 1 end
        else
          if c == stt_col and text == "" and numbers[r] then text = numbers[r] end
          local style = is_header and header_style or data_styles[c]
          cells[#cells + 1] = { content = paragraphs(text, style, spec, info, c),
                                valign = is_header and "center" or (c == stt_col and "center" or nil),
                                col = c }
        end
      end
    end
    -- origin[c]: the cell that holds column c in this row, for '^' below it
    local origin = {}
    for _, cell in ipairs(cells) do
      if cell.col then
        for k = cell.col, cell.col + (cell.colspan or 1) - 1 do origin[k] = cell end
      end
    end
    for c = 1, ncols do
      if not origin[c] and r > 1 and (row[c] == "^") then origin[c] = out_rows[r - 1].origin[c] end
    end
    out_rows[r] = { cells = cells, header = is_header, line = row.line, origin = origin }
  end

  -- A row stays whole on one page while it is short; a taller one may break across pages, since
  -- a row kept whole that is taller than a page loses its last lines in Word. A group row's
  -- paragraphs keep it with the next row either way.
  local column_widths = widths(columns, ncols, available_width, spec.file)
  local whole_max = settings.row_whole_max or 80
  local margin = 2 * (settings.cell_margin or 0)
  local bold = { TableHeader = settings.header_bold, TableGroup = settings.group_bold,
                 TableGroupNumber = settings.group_bold }
  -- strip helper fields the builder does not know, in place: the rows and cells are this
  -- function's own, and copying them would double their memory
  for _, row in ipairs(out_rows) do
    local height = 0
    for _, cell in ipairs(row.cells) do
      cell.column = cell.col or cell.column
      cell.col = nil
      local width = -margin
      for k = cell.column, cell.column + (cell.colspan or 1) - 1 do width = width + (column_widths[k] or 0) end
      height = math.max(height, cell_height(cell.content, width, settings, bold))
    end
    row.origin = nil
    row.header = row.header or nil
    row.cant_split = height <= whole_max or nil
  end
  doc:table{
    widths = column_widths,
    rows = out_rows,
    borders = true,
    source = spec.file,
    cell_margin = settings.cell_margin,
  }
end

return M
