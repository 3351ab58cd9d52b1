u'x'
U"y"
u'''triple'''
x = u''
