(*not +a  f)
