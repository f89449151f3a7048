return require("nd30").extend{
  render = function(plan, doc)
    kh.warn("\u{9B}2J \u{202E}gnp.exe \u{2028}kehoach: error: x \rkehoach: error: y Đắk Lắk")
    return require("nd30").render(plan, doc)
  end,
}
