;redcode-94
;name Dwarf
;author A. K. Dewdney (1984)
;strategy A stone: drops a DAT bomb on every fourth cell, walking through the core. Since
;strategy the core size is a multiple of 4, its bombs land on its own DAT, never its code.
;assert CORESIZE % 4 == 0

        add.ab  #4, bomb        ; move the target 4 cells on
        mov.i   bomb, @bomb     ; copy the bomb there
        jmp     -2
bomb    dat     #0, #0
        end
