import TandemWeb
import TandemCommands
print("tandem")
