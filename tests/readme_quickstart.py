"""The README's quickstart must be examples/quickstart.cpp, word for word."""
import pathlib
import sys

root = pathlib.Path(sys.argv[1])
readme = (root / "README.md").read_text()
example = (root / "examples" / "quickstart.cpp").read_text()
if "```cpp\n" + example + "```" not in readme:
    sys.exit("README.md's quickstart differs from examples/quickstart.cpp")
print("README quickstart matches examples/quickstart.cpp")
