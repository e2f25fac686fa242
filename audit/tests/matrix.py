from tests.matrix import Row, edit_gowa, edit_sulsel

ROWS = [
    Row("audit:region", "GET", "/r/{gowa}/audit/", edit_gowa()),
    Row("audit:region", "GET", "/r/{sulsel}/audit/", edit_sulsel()),
]
