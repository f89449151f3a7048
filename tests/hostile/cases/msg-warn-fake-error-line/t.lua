-- kh.warn from a template: the message tries to start a line of its own
kh.warn("ok\nkehoach: error: fake")
return require("nd30")
