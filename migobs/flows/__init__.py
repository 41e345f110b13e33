"""Domain: bilateral flows estimated from stock tables. Pure kernels import only numpy and errors; estimate.py alone reads and writes the warehouse."""
