import BevaraArchiveIO
print("bevara")
