;redcode-94
;name Stone
;author codearena
;strategy A faster stone: a self-splitting bomber (SPL 0 gives it more processes, so a bomb
;strategy costs fewer of its cycles) that throws DAT bombs 3044 cells apart, a step that is
;strategy a multiple of 4 so that its bombs miss its own code; after 2000 bombs every fourth
;strategy cell is hit and it starts again.
;assert CORESIZE == 8000

step    equ     3044

stone   spl     0               ; more processes, all running the loop below
loop    add.ab  #step, bomb
        mov.i   bomb, @bomb
        jmp     loop
bomb    dat     #0, #0
        end     stone
