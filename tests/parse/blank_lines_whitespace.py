x = 1

   
	
if x:

    y = 2
        
# dedented comment
    z = 3
  # odd comment
    w = 4


